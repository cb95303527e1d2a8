// Fetches a pom's runtime dependencies from Maven Central into a folder, with a
// local repository under the lab's cache: how the lab gets Kafka's and
// OpenSearch's jars (no vendor download, only Maven's own client).
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {run} from './run.ts';

/** Runs `mvn dependency:copy-dependencies` for `home/pom.xml` into `home/outputDirectory`; returns the jars. */
export async function copyDependencies(
	cache: string,
	home: string,
	outputDirectory: string,
): Promise<string[]> {
	await run(
		'mvn',
		[
			'-q',
			'-B',
			`-Dmaven.repo.local=${join(cache, 'm2')}`,
			'dependency:copy-dependencies',
			`-DoutputDirectory=${outputDirectory}`,
			'-DincludeScope=runtime',
		],
		{cwd: home, timeoutMs: 900_000},
	);
	return readdirSync(join(home, outputDirectory));
}
