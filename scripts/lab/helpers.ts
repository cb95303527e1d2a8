// Detached helper processes of running scenarios: they keep holding what the
// scenario needs (connections, locks, a producer) after lab:scenario exits.
// Recorded in state.json, so `reset` and lab:down end them.
import {appendFileSync, mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {isAlive, type ProcessRecord, spawnDetached, stopProcess, tail} from './process.ts';
import type {LabPaths} from './server.ts';
import {readState, writeState} from './state.ts';
import {waitFor} from './wait.ts';

export async function spawnHelper(
	paths: LabPaths,
	scenario: string,
	script: string,
	args: readonly string[],
): Promise<ProcessRecord> {
	// The log is appended to across runs: mark where this one starts.
	mkdirSync(dirname(paths.logFile(scenario)), {recursive: true});
	appendFileSync(
		paths.logFile(`scenario-${scenario}`),
		`--- ${scenario} started ${new Date().toISOString()}\n`,
	);
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

/** Waits for a helper's symptom; fails at once, quoting its log, if the helper dies first. */
export async function waitForHelper(
	paths: LabPaths,
	scenario: string,
	helper: ProcessRecord,
	check: () => Promise<boolean>,
	signal?: AbortSignal,
): Promise<void> {
	try {
		await waitFor(`${scenario}`, check, {
			timeoutMs: 60_000,
			alive: () => isAlive(helper),
			...(signal ? {signal} : {}),
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(
			`${message}\n--- ${paths.logFile(`scenario-${scenario}`)} ---\n${tail(paths.logFile(`scenario-${scenario}`), 10)}`,
		);
	}
}
