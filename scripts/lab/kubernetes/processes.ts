// Starts the control plane's processes in dependency order (each retries
// until the one before it answers, so they can all be started at once) and
// stops them again. Pids are also written to the data directory so a later
// `down` in another process can stop them.
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawnDetached} from '../process.ts';
import type {LabContext, StartedProcess} from '../server.ts';
import {apiserverArgs, controllerManagerArgs, kineArgs} from './flags.ts';
import type {KubernetesLayout} from './layout.ts';
import {isAlive} from './spawn.ts';
import {kubernetesBinaries} from './version.ts';

const here = dirname(fileURLToPath(import.meta.url));

function pidFile(layout: KubernetesLayout): string {
	return join(layout.data, 'pids.json');
}

/** Node flags for the simulator: type stripping is on by default only from Node 23.6. */
function nodeFlags(): string[] {
	const features = process.features as {typescript?: unknown};
	return features.typescript ? [] : ['--experimental-strip-types', '--no-warnings'];
}

export async function startProcesses(
	ctx: LabContext,
	layout: KubernetesLayout,
): Promise<StartedProcess[]> {
	const bin = kubernetesBinaries(ctx.paths.cache);
	for (const [what, path] of Object.entries(bin)) {
		if (!existsSync(path))
			throw new Error(`kubernetes: ${what} is not built (${path}); run npm run lab:provision`);
	}
	await mkdir(layout.kineDir, {recursive: true});
	const started: StartedProcess[] = [];
	try {
		started.push(
			await spawnDetached({
				name: 'kine',
				command: bin.kine,
				args: kineArgs(layout),
				logFile: layout.logs.kine,
				cwd: layout.kineDir,
			}),
		);
		started.push(
			await spawnDetached({
				name: 'kube-apiserver',
				command: bin.apiserver,
				args: apiserverArgs(layout),
				logFile: layout.logs.apiserver,
			}),
		);
		started.push(
			await spawnDetached({
				name: 'kube-controller-manager',
				command: bin.controllerManager,
				args: controllerManagerArgs(layout),
				logFile: layout.logs.controllerManager,
			}),
		);
		started.push(
			await spawnDetached({
				name: 'kube-simulator',
				command: process.execPath,
				args: [
					...nodeFlags(),
					join(here, 'simulator.ts'),
					layout.simulatorKubeconfig,
					String(layout.ports.metrics),
					String(layout.ports.kubelet),
					layout.pki.dir,
					// Lab PostgreSQL data directories must be under it (postgres-restart.ts).
					dirname(layout.kubeconfig),
				],
				logFile: layout.logs.simulator,
			}),
		);
	} finally {
		await writeFile(pidFile(layout), `${JSON.stringify(started)}\n`);
	}
	return started;
}

export function recordedProcesses(layout: KubernetesLayout): StartedProcess[] {
	try {
		return JSON.parse(readFileSync(pidFile(layout), 'utf8')) as StartedProcess[];
	} catch {
		return [];
	}
}

/** SIGTERM in reverse start order, then SIGKILL whatever is left after a grace period. */
export async function stopProcesses(
	processes: readonly StartedProcess[],
	graceMs = 10_000,
): Promise<void> {
	for (const p of [...processes].reverse()) {
		if (isAlive(p.pid)) process.kill(p.pid, 'SIGTERM');
	}
	const deadline = Date.now() + graceMs;
	while (processes.some((p) => isAlive(p.pid)) && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 100));
	for (const p of processes) if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
}
