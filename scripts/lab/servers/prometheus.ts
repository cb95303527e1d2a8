// Prometheus from Debian, scraping the lab exporter every second and sending
// the lab's alerts to the lab Alertmanager.

import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {stringify} from 'yaml';
import {aptInstall, stopSystemServices} from '../apt.ts';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import {run} from '../run.ts';
import type {LabServer} from '../server.ts';
import {httpOk, waitFor} from '../wait.ts';
import {alertRules, prometheusConfig} from './prometheus-rules.ts';

export const prometheusUrl = (port: number) => `http://127.0.0.1:${port}`;

export const prometheus: LabServer = {
	name: 'prometheus',

	async provision(ctx) {
		await aptInstall(['prometheus'], ctx.log);
		await stopSystemServices(['prometheus', 'prometheus-node-exporter'], ctx.log);
	},

	async start(ctx) {
		const dir = ctx.paths.dataDir('prometheus');
		mkdirSync(join(dir, 'tsdb'), {recursive: true});
		const config = join(dir, 'prometheus.yml');
		writeFileSync(
			config,
			stringify(
				prometheusConfig({
					exporter: labPort(ctx, 'exporter'),
					alertmanager: labPort(ctx, 'alertmanager'),
				}),
			),
		);
		writeFileSync(join(dir, 'rules.yml'), stringify(alertRules));
		// promtool catches a broken rule before the server does, with a better message.
		await run('/usr/bin/promtool', ['check', 'config', config]);
		const server = await spawnDetached({
			name: 'prometheus',
			command: '/usr/bin/prometheus',
			args: [
				`--config.file=${config}`,
				`--storage.tsdb.path=${join(dir, 'tsdb')}`,
				'--storage.tsdb.retention.time=1d',
				`--web.listen-address=127.0.0.1:${labPort(ctx, 'prometheus')}`,
				'--web.enable-lifecycle',
			],
			cwd: dir,
			logFile: ctx.paths.logFile('prometheus'),
		});
		return [server];
	},

	async waitReady(ctx) {
		await waitFor(
			'prometheus',
			() => httpOk(`${prometheusUrl(labPort(ctx, 'prometheus'))}/-/ready`),
			{
				signal: ctx.signal,
				timeoutMs: 30_000,
			},
		);
	},

	async seed(ctx) {
		// Ready only once the exporter's first scrape landed, so tests and drills start with data.
		const url = `${prometheusUrl(labPort(ctx, 'prometheus'))}/api/v1/query?query=${encodeURIComponent('up{job="lab-exporter"}')}`;
		await waitFor(
			'prometheus: first scrape of the exporter',
			async () => {
				const response = await fetch(url, {signal: AbortSignal.timeout(2000)});
				const body = (await response.json()) as {data?: {result?: {value: [number, string]}[]}};
				return body.data?.result?.[0]?.value[1] === '1';
			},
			{signal: ctx.signal, timeoutMs: 20_000},
		);
	},

	endpoint(ctx) {
		const url = prometheusUrl(labPort(ctx, 'prometheus'));
		return {
			env: {PROMETHEUS_URL: url},
			config: {prometheus: {url}},
			details: {url, scrapeJob: 'lab-exporter', alerts: ['HighErrorRatio', 'HighLatencyP99']},
		};
	},
};
