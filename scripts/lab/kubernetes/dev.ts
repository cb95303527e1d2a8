// Runs the Kubernetes part of the lab on its own, without the other servers
// (npm run lab:up runs it with all of them):
//   scripts/with-node.sh node scripts/lab/kubernetes/dev.ts provision|up|down|status|scenario NAME
import {rm} from 'node:fs/promises';
import {labContext} from '../context.ts';
import {kubernetes, stopKubernetes} from '../servers/kubernetes.ts';
import {kubernetesScenarios} from '../servers/kubernetes-scenarios.ts';
import {kubernetesLayout} from './layout.ts';
import {recordedProcesses} from './processes.ts';
import {isAlive} from './spawn.ts';

const ctx = labContext({
	log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
});
const [command, argument] = process.argv.slice(2);
const timed = async (what: string, step: () => Promise<unknown>) => {
	const started = Date.now();
	await step();
	ctx.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
};

switch (command) {
	case 'provision':
		await timed('provision', () => kubernetes.provision(ctx));
		break;
	case 'up': {
		if (recordedProcesses(kubernetesLayout(ctx)).some((p) => isAlive(p.pid))) {
			ctx.log('already running; seeding again');
		} else {
			await timed('provision', () => kubernetes.provision(ctx));
			await timed('start', async () => {
				for (const p of await kubernetes.start(ctx)) ctx.log(`started ${p.name} pid ${p.pid}`);
			});
			try {
				await timed('ready', () => kubernetes.waitReady(ctx));
			} catch (error) {
				await stopKubernetes(ctx);
				throw error;
			}
		}
		await timed('seed', () => kubernetes.seed(ctx));
		const endpoint = kubernetes.endpoint(ctx);
		ctx.log(`export KUBECONFIG=${endpoint.env.KUBECONFIG}`);
		break;
	}
	case 'down':
		await stopKubernetes(ctx);
		await rm(kubernetesLayout(ctx).data, {recursive: true, force: true});
		await rm(kubernetesLayout(ctx).kubeconfig, {force: true});
		ctx.log('stopped; state removed');
		break;
	case 'status':
		for (const p of recordedProcesses(kubernetesLayout(ctx)))
			ctx.log(`${p.name} pid ${p.pid} ${isAlive(p.pid) ? 'running' : 'gone'}`);
		break;
	case 'scenario': {
		const scenario = argument ? kubernetesScenarios[argument] : undefined;
		if (!scenario) throw new Error(`scenarios: ${Object.keys(kubernetesScenarios).join(', ')}`);
		await timed(`scenario ${argument}`, () => scenario(ctx));
		break;
	}
	default:
		console.error('usage: dev.ts provision|up|down|status|scenario NAME');
		process.exit(2);
}
