// Error bursts for the scenarios (error-spike, pool-exhaustion): a file the
// feeder reads on every tick, so the burst lasts as long as the scenario
// holds, plus one immediate batch so a search sees it at once.
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LabPaths} from '../server.ts';
import {index, openSearchUrl} from './client.ts';
import {logDocument, logSources} from './documents.ts';

export interface Burst {
	readonly app: string;
	/** ERROR lines per minute while the burst lasts. */
	readonly perMinute: number;
	readonly message: string;
}

export const burstFile = (paths: LabPaths) => join(paths.dataDir('opensearch'), 'bursts.json');

export function readBursts(file: string): Record<string, Burst> {
	try {
		return existsSync(file)
			? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Burst>)
			: {};
	} catch {
		return {};
	}
}

/** ERROR documents of one burst spread over `ms` before `now`. */
export function burstDocuments(burst: Burst, now: number, ms: number) {
	const source = logSources.find((s) => s.app === burst.app) ?? logSources[0];
	if (!source) return [];
	const count = Math.max(1, Math.round((burst.perMinute * ms) / 60_000));
	return Array.from({length: count}, (_, i) =>
		logDocument(source, now - Math.floor((ms * i) / count), 'ERROR', burst.message),
	);
}

/** Starts (or replaces) a scenario's burst; a no-op when the lab runs no OpenSearch. */
export async function startBurst(
	ctx: {
		paths: LabPaths;
		state: {servers: Record<string, unknown>};
		ports: Readonly<Record<string, number>>;
	},
	scenario: string,
	burst: Burst,
): Promise<void> {
	if (!ctx.state.servers.opensearch) return;
	const file = burstFile(ctx.paths);
	writeFileSync(file, JSON.stringify({...readBursts(file), [scenario]: burst}));
	const port = ctx.ports.opensearch;
	if (port !== undefined)
		await index(openSearchUrl(port), burstDocuments(burst, Date.now(), 30_000));
}

export function stopBurst(paths: LabPaths, scenario?: string): void {
	const file = burstFile(paths);
	if (!existsSync(file)) return;
	if (scenario === undefined) {
		rmSync(file, {force: true});
		return;
	}
	const {[scenario]: _gone, ...rest} = readBursts(file);
	writeFileSync(file, JSON.stringify(rest));
}
