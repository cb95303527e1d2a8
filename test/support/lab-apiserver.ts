// A second kube-apiserver beside the lab's, for tests that stop and restart
// an API server: the lab's own serves every other test file at the same time
// and must never go down. This one shares the lab's kine (several apiservers
// on one etcd is the normal HA setup), certificates, tokens and flags (the
// lab's own flag builder, with another port, plus the two flags below); its
// log and kubeconfig live in a temporary directory. Its command line names the
// lab's certificates under .lab/, so a `lab:down` after a crashed test stops
// it too. The lab's flags already keep it out of the `kubernetes` Service's
// endpoints (--endpoint-reconciler-type=none), which two apiservers would
// otherwise both write.
import {type ChildProcess, spawn} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {freePort} from '../../scripts/lab/free-port.ts';
import {kubeClient} from '../../scripts/lab/kubernetes/client.ts';
import {apiserverArgs} from '../../scripts/lab/kubernetes/flags.ts';
import {adminContext, kubeconfig} from '../../scripts/lab/kubernetes/kubeconfig.ts';
import {kubernetesLayout} from '../../scripts/lab/kubernetes/layout.ts';
import {logTail} from '../../scripts/lab/kubernetes/spawn.ts';
import {labUsers} from '../../scripts/lab/kubernetes/tokens.ts';
import {kubernetesBinaries} from '../../scripts/lab/kubernetes/version.ts';
import {labPaths} from '../../scripts/lab/paths.ts';
import type {Lab} from './lab.ts';

export interface StopReport {
	/** SIGKILL when SIGTERM did not end it within the grace period. */
	readonly signal: 'SIGTERM' | 'SIGKILL';
	readonly ms: number;
}

export interface SecondApiserver {
	readonly port: number;
	readonly url: string;
	/** A kubeconfig for this server as lab-admin (the lab's CA and token). */
	readonly kubeconfig: string;
	readonly log: string;
	readonly running: boolean;
	/** Starts it (on the same port every time) and resolves once /readyz answers 200. */
	start(timeoutMs?: number): Promise<void>;
	/** SIGTERM, then SIGKILL after graceMs; resolves once the process has exited. */
	stop(graceMs?: number): Promise<StopReport>;
	/** SIGKILL: a crash, no goodbye to open watches; resolves once the process has exited. */
	kill(): Promise<void>;
	/** Stops it if running and removes its directory (kept, with the log, when keepLog). */
	dispose(keepLog?: boolean): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function secondApiserver(lab: Lab): Promise<SecondApiserver> {
	const paths = labPaths(lab.root);
	const port = await freePort();
	const layout = kubernetesLayout({
		paths,
		ports: {...lab.state.ports, apiserver: port},
		log: () => {},
		signal: new AbortController().signal,
	});
	const binary = kubernetesBinaries(paths.cache).apiserver;
	const args = [
		...apiserverArgs(layout),
		// The identity lease is named after the host name, so two apiservers on
		// one machine would take turns writing the lab apiserver's lease.
		'--feature-gates=APIServerIdentity=false',
		// On SIGTERM, end open watches at once, as a control plane set up for rolling
		// restarts does. By default the listener closes at once but open watches
		// are served until the 60 s shutdown timeout (a stop took 57 s), and a
		// client notices a quiet one only by its own 30 s inactivity timeout.
		'--shutdown-watch-termination-grace-period=5s',
	];
	const dir = mkdtempSync(join(tmpdir(), 'irtop-apiserver-'));
	const log = join(dir, 'kube-apiserver.log');
	const token = String(lab.details('kubernetes').adminToken);
	const ca = layout.pki.caCert;
	const file = join(dir, 'kubeconfig');
	writeFileSync(
		file,
		kubeconfig(layout.apiserverUrl, ca, [
			{context: adminContext, user: labUsers.admin.name, token},
		]),
		{mode: 0o600},
	);
	const client = kubeClient(layout.apiserverUrl, readFileSync(ca), token);
	let child: ChildProcess | undefined;
	// A test worker that dies leaves no apiserver behind (an exit handler may only be synchronous).
	const killOnExit = () => child?.kill('SIGKILL');
	process.once('exit', killOnExit);

	const running = () => !!child && child.exitCode === null && child.signalCode === null;

	const stop = async (graceMs = 15_000): Promise<StopReport> => {
		const started = Date.now();
		const current = child;
		if (!current || !running()) return {signal: 'SIGTERM', ms: 0};
		current.kill('SIGTERM');
		let timer: ReturnType<typeof setTimeout> | undefined;
		const inTime = await Promise.race([
			exited(current).then(() => true),
			new Promise<false>((r) => {
				timer = setTimeout(() => r(false), graceMs);
			}),
		]);
		clearTimeout(timer);
		if (!inTime) {
			current.kill('SIGKILL');
			await exited(current);
		}
		return {signal: inTime ? 'SIGTERM' : 'SIGKILL', ms: Date.now() - started};
	};

	return {
		port,
		url: layout.apiserverUrl,
		kubeconfig: file,
		log,
		get running() {
			return running();
		},
		async start(timeoutMs = 90_000) {
			if (running()) throw new Error(`the second apiserver on port ${port} is already running`);
			const out = openSync(log, 'a');
			try {
				// Not detached: an interrupted test run (Ctrl-C) takes it along.
				child = spawn(binary, args, {stdio: ['ignore', out, out]});
			} finally {
				closeSync(out);
			}
			const current = child;
			const deadline = Date.now() + timeoutMs;
			let last: unknown;
			for (;;) {
				if (!running())
					throw new Error(
						`kube-apiserver on port ${port} exited (${current.exitCode ?? current.signalCode}); last lines of ${log}:\n${logTail(log)}`,
					);
				try {
					await client.request('GET', '/readyz');
					return;
				} catch (error) {
					last = error;
				}
				if (Date.now() > deadline) {
					await stop(5000);
					throw new Error(
						`kube-apiserver on port ${port} not ready after ${timeoutMs / 1000} s (last error: ${(last as Error).message}); last lines of ${log}:\n${logTail(log)}`,
					);
				}
				await new Promise((r) => setTimeout(r, 200));
			}
		},
		stop,
		async kill() {
			const current = child;
			if (!current || !running()) return;
			current.kill('SIGKILL');
			await exited(current);
		},
		async dispose(keepLog = false) {
			await stop(5000);
			process.off('exit', killOnExit);
			if (!keepLog) rmSync(dir, {recursive: true, force: true});
		},
	};
}
