// Detached helper processes of running scenarios: they keep holding what the
// scenario needs (connections, locks, a producer) after lab:scenario exits.
// Recorded in state.json, so `reset` and lab:down end them.
import {type ProcessRecord, spawnDetached, stopProcess} from './process.ts';
import type {LabPaths} from './server.ts';
import {readState, writeState} from './state.ts';

export async function spawnHelper(
	paths: LabPaths,
	scenario: string,
	script: string,
	args: readonly string[],
): Promise<ProcessRecord> {
	const helper = await spawnDetached({
		name: `${scenario}-helper`,
		command: process.execPath,
		args: [script, '--lab', paths.lab, ...args],
		logFile: paths.logFile(`scenario-${scenario}`),
	});
	const state = readState(paths);
	if (!state) throw new Error('the lab is not running (npm run lab:up)');
	state.helpers[scenario] = [...(state.helpers[scenario] ?? []), helper];
	writeState(paths, state);
	return helper;
}

export async function stopHelpers(paths: LabPaths, scenario?: string): Promise<number> {
	const state = readState(paths);
	if (!state) return 0;
	const names = scenario === undefined ? Object.keys(state.helpers) : [scenario];
	let stopped = 0;
	for (const name of names) {
		const records = state.helpers[name] ?? [];
		const results = await Promise.all(records.map((record) => stopProcess(record, 5000)));
		stopped += results.filter(Boolean).length;
		delete state.helpers[name];
	}
	writeState(paths, state);
	return stopped;
}
