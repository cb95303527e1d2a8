// Whether this machine has what lab:up needs, without starting anything: the
// test suite's global setup asks before it starts the lab.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {kafkaHome} from './kafka/maven.ts';
import {kafka4} from './kafka/versions.ts';
import {kubernetesBinaries} from './kubernetes/version.ts';
import {openSearchHome} from './opensearch/fetch.ts';
import type {LabPaths} from './server.ts';
import {postgresBin} from './servers/postgres.ts';

export function missingProvisions(paths: LabPaths): string[] {
	const needed = [
		join(postgresBin, 'postgres'),
		'/usr/bin/redis-server',
		'/usr/bin/prometheus',
		'/usr/bin/prometheus-alertmanager',
		join(kafkaHome(paths.cache, kafka4), '.complete'),
		...Object.values(kubernetesBinaries(paths.cache)),
		join(openSearchHome(paths.cache), '.complete'),
	];
	return needed.filter((file) => !existsSync(file));
}
