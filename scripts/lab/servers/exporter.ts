// The lab's own traffic exporter (scripts/lab/exporter/): metrics for
// Prometheus, a /health check for irtop's health strip, and a control
// endpoint the scenarios use to raise error ratios and latency.

import {join} from 'node:path';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import type {LabServer} from '../server.ts';
import {httpOk, waitFor} from '../wait.ts';

export const exporterUrl = (port: number) => `http://127.0.0.1:${port}`;

export interface ServiceControl {
	readonly service?: string;
	readonly errorRatio?: number;
	readonly p99?: number;
	readonly rps?: number;
	readonly healthy?: boolean;
	readonly reset?: boolean;
	/** cAdvisor's CFS counters for these containers (an empty list: none). */
	readonly throttle?: readonly {
		namespace: string;
		pod: string;
		container: string;
		image?: string;
		ratio: number;
	}[];
}

/** Changes the simulated traffic of a running exporter. */
export async function controlExporter(port: number, body: ServiceControl): Promise<unknown> {
	const response = await fetch(`${exporterUrl(port)}/control`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(5000),
	});
	const answer: unknown = await response.json();
	if (!response.ok) throw new Error(`exporter /control: ${JSON.stringify(answer)}`);
	return answer;
}

export const exporter: LabServer = {
	name: 'exporter',

	async provision() {
		// Plain Node: nothing to install.
	},

	async start(ctx) {
		const server = await spawnDetached({
			name: 'exporter',
			command: process.execPath,
			args: [
				join(import.meta.dirname, '../exporter/main.ts'),
				'--port',
				String(labPort(ctx, 'exporter')),
				'--lab',
				ctx.paths.lab,
			],
			logFile: ctx.paths.logFile('exporter'),
		});
		return [server];
	},

	async waitReady(ctx) {
		await waitFor('exporter', () => httpOk(`${exporterUrl(labPort(ctx, 'exporter'))}/health`), {
			signal: ctx.signal,
			timeoutMs: 15_000,
		});
	},

	async seed() {
		// The traffic starts with the process.
	},

	endpoint(ctx) {
		const url = exporterUrl(labPort(ctx, 'exporter'));
		return {
			env: {},
			config: {health: [{name: 'api-gateway', url: `${url}/health`}]},
			details: {
				url,
				metrics: `${url}/metrics`,
				health: `${url}/health`,
				control: `${url}/control`,
				services: ['onboarding-api', 'payments-api', 'notifications-api'],
			},
		};
	},
};
