import {readFileSync} from 'node:fs';
import {ConfigError, loadConfig} from '../config/index.ts';
import {errorMessage} from '../engine/scheduler.ts';
import {parseArgs} from './args.ts';
import {runExport, runImport} from './export.ts';
import type {Io} from './io.ts';
import {loadIncident, ResumeError} from './resume.ts';
import {openSession} from './session.ts';
import {snapshotDocument} from './snapshot.ts';

export type {Io} from './io.ts';

/** irtop's entry point; returns the exit code. */
export async function main(io: Io): Promise<number> {
	const parsed = parseArgs(io.argv, io.version);
	if (parsed.kind === 'completion' || parsed.kind === 'complete') {
		const {completionScript, completeValues} = await import('./completion.ts');
		if (parsed.kind === 'completion') io.stdout.write(completionScript(parsed.shell));
		else for (const value of completeValues(parsed.what, io.env)) io.stdout.write(`${value}\n`);
		return 0;
	}
	if (parsed.kind === 'exit') {
		if (parsed.stdout) io.stdout.write(parsed.stdout);
		if (parsed.stderr) io.stderr.write(parsed.stderr);
		return parsed.code;
	}
	const {options} = parsed;
	if (options.command === 'dashboard' && !io.stdout.isTTY) {
		io.stderr.write(
			'irtop: the dashboard needs a terminal, and stdout is not one. For a one-shot JSON dump use `irtop snapshot --json`.\n',
		);
		return 2;
	}
	let loaded: Awaited<ReturnType<typeof loadConfig>>;
	try {
		// A configured action's key that a built-in one already has is a config error naming both;
		// so is a runbook step offering an action that does not exist.
		const {uiConfigProblems} = await import('../ui/runbook-step-actions.ts');
		loaded = await loadConfig({path: options.config, env: io.env, refine: uiConfigProblems});
	} catch (error) {
		if (error instanceof ConfigError) {
			io.stderr.write(`irtop: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
	if (options.command === 'export') return runExport(options, loaded.config, io);
	if (options.command === 'import') return runImport(options, io);
	if (options.command === 'runbook') {
		const {runRunbook} = await import('./runbook.ts');
		return runRunbook(loaded.config, options.checkFile, io);
	}
	if (options.command === 'check') {
		const {runCheck} = await import('./check.ts');
		return runCheck(loaded.config, options.json, io);
	}
	let resumed: ReturnType<typeof loadIncident> | undefined;
	let incidentId = options.incidentId;
	if (options.join && incidentId === undefined) {
		const {pickIncident} = await import('./join.ts');
		const picked = await pickIncident(io, loaded.config);
		if (picked === null) return 1;
		incidentId = picked;
	}
	if (options.join && incidentId !== undefined && loaded.config.timeline.share) {
		const {copyFromStream} = await import('./join.ts');
		await copyFromStream(io, loaded.config, incidentId);
	}
	if (options.resume) {
		try {
			resumed = loadIncident(io.env, incidentId, loaded.config.timeline.dir);
		} catch (error) {
			if (!(error instanceof ResumeError)) throw error;
			io.stderr.write(`irtop: --resume: ${error.message}\n`);
			return 1;
		}
	}
	const session = await openSession(options, loaded.config, io.env, resumed);
	if (options.command === 'snapshot') {
		try {
			await session.scheduler.pollOnce();
			const {evaluateRunbook} = await import('../runbook/evaluate.ts');
			const {effectiveRunbook, runbookTimeline} = await import('./runbook.ts');
			const now = Date.now();
			const store = session.store.getSnapshot();
			const timeline = session.timeline.getSnapshot();
			// Hand marks live on the incident's timeline: the one being worked on, from its journal.
			const worked = runbookTimeline(timeline, io.env, session.config.timeline.dir);
			const runbook = evaluateRunbook(
				effectiveRunbook(session.config),
				store,
				worked.timeline,
				now,
				new Map(),
			);
			const document = snapshotDocument(store, timeline, now, runbook, worked.incidentId);
			io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
			return 0;
		} catch (error) {
			io.stderr.write(`irtop: snapshot failed: ${errorMessage(error)}\n`);
			return 1;
		} finally {
			await session.close();
		}
	}
	// Poll while the UI code loads, so the first frame already has data.
	session.scheduler.start();
	const {runDashboard} = await import('./dashboard.tsx');
	return runDashboard(session, options);
}

export function packageVersion(): string {
	try {
		const url = new URL('../../package.json', import.meta.url);
		return (JSON.parse(readFileSync(url, 'utf8')) as {version: string}).version;
	} catch {
		return 'unknown';
	}
}
