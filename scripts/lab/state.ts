// .lab/state.json: what the lab started and how to reach it. Written after
// every process start (not only at the end), so lab:down can stop
// everything even after lab:up crashed half-way.
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {statePath} from './paths.ts';
import type {ProcessRecord} from './process.ts';
import type {LabEndpoint, LabPaths} from './server.ts';

export interface ServerState {
	readonly name: string;
	processes: ProcessRecord[];
	/** Ports this server owns. */
	ports: Record<string, number>;
	endpoint?: LabEndpoint;
	/** Milliseconds lab:up took to start, wait for and seed the server. */
	startMs?: number;
	ready: boolean;
}

export interface LabState {
	version: 1;
	root: string;
	updatedAt: string;
	ports: Record<string, number>;
	servers: Record<string, ServerState>;
	/** Detached helpers of running scenarios (connection holders, producers), by scenario. */
	helpers: Record<string, ProcessRecord[]>;
	env: Record<string, string>;
	config: Record<string, unknown>;
	files: {irtopConfig: string; env: string; bin: string};
}

export function readState(paths: LabPaths): LabState | undefined {
	const file = statePath(paths);
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as LabState;
	} catch {
		return undefined;
	}
}

export function emptyState(paths: LabPaths, ports: Record<string, number>): LabState {
	return {
		version: 1,
		root: paths.root,
		updatedAt: new Date().toISOString(),
		ports,
		servers: {},
		helpers: {},
		env: {},
		config: {},
		files: {irtopConfig: '', env: '', bin: paths.bin},
	};
}

/** Atomic write: a reader never sees half a file. */
export function writeState(paths: LabPaths, state: LabState): void {
	const file = statePath(paths);
	mkdirSync(dirname(file), {recursive: true});
	state.updatedAt = new Date().toISOString();
	writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, '\t')}\n`);
	renameSync(`${file}.tmp`, file);
}
