// lab:up: starts every server in parallel, waits until each answers, seeds
// it, writes the lab's files and prints how long each took. Servers already
// running (recorded and alive) are kept. On any failure, what this run
// started is stopped and the failing server's log is quoted.
import {rmSync} from 'node:fs';
import {withSignal} from './context.ts';
import {say, seconds, table} from './log.ts';
import {combine, writeOutputs} from './outputs.ts';
import {statePath} from './paths.ts';
import {assertPortsFree} from './ports-check.ts';
import {isAlive, processStartTime, stopProcess, tail} from './process.ts';
import {labServers, type Selection, serverPorts} from './registry.ts';
import type {LabContext, LabServer} from './server.ts';
import {emptyState, type LabState, readState, type ServerState, writeState} from './state.ts';
import {strayProcesses} from './strays.ts';

class ServerFailure extends Error {
	readonly server: string;
	constructor(server: string, cause: unknown) {
		super(`${server}: ${cause instanceof Error ? cause.message : String(cause)}`, {cause});
		this.server = server;
	}
}

function alive(server: ServerState | undefined): boolean {
	return !!server && server.processes.length > 0 && server.processes.every(isAlive);
}

/** Aborts `signal` as soon as one of the server's processes exits. */
function watchProcesses(server: ServerState, controller: AbortController): () => void {
	const timer = setInterval(() => {
		const dead = server.processes.find((p) => !isAlive(p));
		if (dead) controller.abort(new Error(`${dead.name} (pid ${dead.pid}) exited`));
	}, 250);
	return () => clearInterval(timer);
}

async function bringUp(
	ctx: LabContext,
	server: LabServer,
	state: LabState,
	kept: boolean,
	failFast: AbortSignal,
): Promise<void> {
	const started = performance.now();
	const record: ServerState = kept
		? state.servers[server.name]!
		: {name: server.name, processes: [], ports: {}, ready: false};
	record.ports = Object.fromEntries(
		(serverPorts[server.name] ?? []).map((name) => [name, ctx.ports[name] ?? 0]),
	);
	state.servers[server.name] = record;
	const controller = new AbortController();
	const signal = AbortSignal.any([controller.signal, failFast]);
	const sctx = withSignal(ctx, signal, server.name);
	try {
		if (!kept) {
			record.processes = (await server.start(sctx)).map((p) => ({
				startTime: processStartTime(p.pid) ?? '',
				...p,
			}));
			writeState(ctx.paths, state);
		}
		const unwatch = watchProcesses(record, controller);
		try {
			await server.waitReady(sctx);
			if (!kept) await server.seed(sctx);
		} finally {
			unwatch();
		}
		record.endpoint = server.endpoint(sctx);
		record.ready = true;
		if (!kept) record.startMs = Math.round(performance.now() - started);
		writeState(ctx.paths, state);
	} catch (error) {
		// Stopped because another server failed: that one is the failure to report.
		if (failFast.aborted && !controller.signal.aborted) throw error;
		throw new ServerFailure(
			server.name,
			controller.signal.aborted ? controller.signal.reason : error,
		);
	}
}

async function stopStarted(ctx: LabContext, state: LabState, names: readonly string[]) {
	await Promise.all(
		names.map(async (name) => {
			const server = state.servers[name];
			if (!server) return;
			await Promise.all(server.processes.map((p) => stopProcess(p)));
			delete state.servers[name];
		}),
	);
	// A server whose start() threw half-way may have spawned processes it never returned.
	const known = new Set(Object.values(state.servers).flatMap((s) => s.processes.map((p) => p.pid)));
	await Promise.all(strayProcesses(ctx.paths.lab, known).map((p) => stopProcess(p, 5000)));
	if (Object.keys(state.servers).length === 0) {
		// Nothing left running: drop the state, keep the logs for the post-mortem.
		rmSync(statePath(ctx.paths), {force: true});
	} else {
		writeState(ctx.paths, state);
	}
}

export async function up(ctx: LabContext, selection: Selection): Promise<void> {
	const total = performance.now();
	const state = readState(ctx.paths) ?? emptyState(ctx.paths, {...ctx.ports});
	// A lab started with --kafka39 keeps its 3.9 broker on a later plain lab:up.
	const wants: Selection = {
		...selection,
		kafka39: selection.kafka39 || alive(state.servers.kafka39),
	};
	const {servers, notes} = await labServers(wants);
	for (const note of notes) say(`  ${note}`);

	const keep = new Set(servers.filter((s) => alive(state.servers[s.name])).map((s) => s.name));
	const toStart = servers.filter((s) => !keep.has(s.name));
	// Half-dead servers (one process of several gone) are stopped and started again.
	for (const s of toStart) {
		for (const p of state.servers[s.name]?.processes ?? []) await stopProcess(p);
		delete state.servers[s.name];
	}
	await assertPortsFree(
		Object.fromEntries(
			toStart.flatMap((s) =>
				(serverPorts[s.name] ?? []).map((p) => [`${s.name} (${p})`, ctx.ports[p] ?? 0]),
			),
		),
	);
	state.ports = {...ctx.ports};
	writeState(ctx.paths, state);

	const failFast = new AbortController();
	const results = await Promise.allSettled(
		servers.map((s) =>
			bringUp(ctx, s, state, keep.has(s.name), failFast.signal).catch((error: unknown) => {
				failFast.abort(error);
				throw error;
			}),
		),
	);
	const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
	if (failures.length > 0) {
		const first = failures.find((f) => f instanceof ServerFailure) ?? failures[0];
		const name = first instanceof ServerFailure ? first.server : undefined;
		await stopStarted(
			ctx,
			state,
			toStart.map((s) => s.name),
		);
		const log = name
			? `\n--- last lines of ${ctx.paths.logFile(name)} ---\n${tail(ctx.paths.logFile(name))}`
			: '';
		throw new Error(
			`lab:up failed: ${first instanceof Error ? first.message : String(first)}${log}\n` +
				`stopped what this run started (${toStart.map((s) => s.name).join(', ') || 'nothing'}).`,
		);
	}

	// Every running server, also those outside this run's --only.
	const running = Object.values(state.servers).filter((s) => s.ready && alive(s));
	const endpoints = running.map((s) => s.endpoint).filter((e) => e !== undefined);
	const {env, config} = combine(endpoints);
	const files = writeOutputs(ctx.paths, env, config, notes);
	state.env = env;
	state.config = config;
	state.files = {irtopConfig: files.configFile, env: files.envFile, bin: ctx.paths.bin};
	writeState(ctx.paths, state);

	say('');
	say(
		table(
			['SERVER', 'ADDRESS', 'PID', 'TIME'],
			running.map((record) => {
				return [
					record.name,
					Object.values(record.ports)
						.map((p) => `127.0.0.1:${p}`)
						.join(' '),
					record.processes.map((p) => p.pid).join(','),
					keep.has(record.name) || !servers.some((s) => s.name === record.name)
						? 'kept (already running)'
						: seconds(record.startMs ?? 0),
				];
			}),
		),
	);
	for (const note of notes) say(note);
	say(
		`\nlab up in ${seconds(performance.now() - total)}: . ${files.envFile}  (irtop config: ${files.configFile})`,
	);
}
