// Alertmanager from Debian. No gossip (an empty cluster listen address): a
// single lab instance. Alerts go to a receiver with no integrations, so they
// are visible in the API and notify nobody.

import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {stringify} from 'yaml';
import {aptInstall, stopSystemServices} from '../apt.ts';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import type {LabServer} from '../server.ts';
import {httpOk, waitFor} from '../wait.ts';

export const alertmanagerUrl = (port: number) => `http://127.0.0.1:${port}`;

const config = {
	route: {
		receiver: 'lab',
		group_by: ['alertname', 'service'],
		group_wait: '1s',
		group_interval: '5s',
		repeat_interval: '1h',
	},
	receivers: [{name: 'lab'}],
};

export const alertmanager: LabServer = {
	name: 'alertmanager',

	async provision(ctx) {
		await aptInstall(['prometheus-alertmanager'], ctx.log);
		await stopSystemServices(['prometheus-alertmanager'], ctx.log);
	},

	async start(ctx) {
		const dir = ctx.paths.dataDir('alertmanager');
		mkdirSync(join(dir, 'data'), {recursive: true});
		const file = join(dir, 'alertmanager.yml');
		writeFileSync(file, stringify(config));
		const server = await spawnDetached({
			name: 'alertmanager',
			command: '/usr/bin/prometheus-alertmanager',
			args: [
				`--config.file=${file}`,
				`--storage.path=${join(dir, 'data')}`,
				`--web.listen-address=127.0.0.1:${labPort(ctx, 'alertmanager')}`,
				'--cluster.listen-address=',
			],
			cwd: dir,
			logFile: ctx.paths.logFile('alertmanager'),
		});
		return [server];
	},

	async waitReady(ctx) {
		await waitFor(
			'alertmanager',
			() => httpOk(`${alertmanagerUrl(labPort(ctx, 'alertmanager'))}/-/ready`),
			{
				signal: ctx.signal,
				timeoutMs: 30_000,
			},
		);
	},

	async seed() {
		// Alerts come from Prometheus' rules; nothing to seed.
	},

	endpoint(ctx) {
		const url = alertmanagerUrl(labPort(ctx, 'alertmanager'));
		return {
			env: {ALERTMANAGER_URL: url},
			config: {alertmanager: {url}},
			details: {url},
		};
	},
};
