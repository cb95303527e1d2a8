// The lab's Kubernetes control plane: kine (SQLite) as the store, a real
// kube-apiserver and kube-controller-manager built from the Kubernetes Go
// modules, and one helper process that stands in for the kubelets, the
// scheduler and metrics-server (see ../kubernetes/simulator.ts).

import {readFileSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {apply, applyAll} from '../kubernetes/apply.ts';
import {ensureClusterPki} from '../kubernetes/certs.ts';
import {type KubeClient, kubeClient} from '../kubernetes/client.ts';
import {infraObjects, simulationConfigMap} from '../kubernetes/infra.ts';
import {adminContext, readonlyContext, writeKubeconfig} from '../kubernetes/kubeconfig.ts';
import {type KubernetesLayout, kubernetesLayout, serverName} from '../kubernetes/layout.ts';
import {recordedProcesses, startProcesses, stopProcesses} from '../kubernetes/processes.ts';
import {provisionKubernetes} from '../kubernetes/provision.ts';
import {seedKubernetes} from '../kubernetes/seed.ts';
import {assertPortFree} from '../kubernetes/spawn.ts';
import {ensureTokens, labUsers} from '../kubernetes/tokens.ts';
import {waitFor} from '../kubernetes/wait.ts';
import type {LabContext, LabEndpoint, LabServer, StartedProcess} from '../server.ts';

// Set by start(); waitReady() in the same process watches these for early exits.
let started: StartedProcess[] = [];

export function adminClient(ctx: LabContext): KubeClient {
	const layout = kubernetesLayout(ctx);
	const token = readFileSync(layout.tokens, 'utf8')
		.split('\n')
		.find((l) => l.split(',')[1] === labUsers.admin.name)
		?.split(',')[0];
	if (!token) throw new Error(`kubernetes: no admin token in ${layout.tokens}; is the lab up?`);
	return kubeClient(layout.apiserverUrl, readFileSync(layout.pki.caCert), token);
}

async function writeKubeconfigs(layout: KubernetesLayout): Promise<void> {
	const tokens = await ensureTokens(layout.tokens);
	const server = layout.apiserverUrl;
	const ca = layout.pki.caCert;
	await writeKubeconfig(layout.kubeconfig, server, ca, [
		{context: adminContext, user: labUsers.admin.name, token: tokens.admin},
		{context: readonlyContext, user: labUsers.readonly.name, token: tokens.readonly},
	]);
	await writeKubeconfig(layout.controllerManagerKubeconfig, server, ca, [
		{
			context: 'kube-controller-manager',
			user: labUsers.controllerManager.name,
			token: tokens.controllerManager,
		},
	]);
	await writeKubeconfig(layout.simulatorKubeconfig, server, ca, [
		{context: 'lab-simulator', user: labUsers.simulator.name, token: tokens.simulator},
	]);
}

function watched(layout: KubernetesLayout) {
	const logs: Record<string, string> = {
		kine: layout.logs.kine,
		'kube-apiserver': layout.logs.apiserver,
		'kube-controller-manager': layout.logs.controllerManager,
		'kube-simulator': layout.logs.simulator,
	};
	return started.map((process) => ({process, log: logs[process.name] ?? ''}));
}

export const kubernetes: LabServer = {
	name: serverName,

	provision: provisionKubernetes,

	async start(ctx) {
		const layout = kubernetesLayout(ctx);
		await assertPortFree(layout.ports.kine, 'kine');
		await assertPortFree(layout.ports.apiserver, 'kube-apiserver');
		await assertPortFree(layout.ports.metrics, 'metrics stand-in');
		await assertPortFree(layout.ports.kubelet, 'fake kubelet');
		await mkdir(layout.data, {recursive: true});
		await ensureClusterPki(layout.pki.dir);
		await writeKubeconfigs(layout);
		started = await startProcesses(ctx, layout);
		return started;
	},

	async waitReady(ctx) {
		const layout = kubernetesLayout(ctx);
		if (started.length === 0) started = recordedProcesses(layout);
		const admin = adminClient(ctx);
		const options = {processes: watched(layout), signal: ctx.signal};
		// Also lab:status's health check (with a short deadline): it only reads and
		// re-applies, and never stops anything; lab:up stops what failed to start.
		await waitFor(
			async () => {
				await admin.request('GET', '/readyz');
				return true;
			},
			{
				...options,
				what: 'kube-apiserver /readyz',
				timeoutMs: 90_000,
			},
		);
		await applyAll(admin, infraObjects(layout.pki.caCert, layout.ports.metrics));
		await apply(admin, simulationConfigMap);
		// The service account controller creating `default` proves the controller manager works.
		await waitFor(
			async () => {
				await admin.get('/api/v1/namespaces/default/serviceaccounts/default');
				return true;
			},
			{...options, what: 'kube-controller-manager (default service account)', timeoutMs: 60_000},
		);
		await waitFor(
			async () => {
				const service = await admin.get<{
					status?: {conditions?: {type: string; status: string}[]};
				}>('/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io');
				return service.status?.conditions?.some(
					(c) => c.type === 'Available' && c.status === 'True',
				)
					? true
					: undefined;
			},
			{...options, what: 'the metrics.k8s.io APIService to be Available', timeoutMs: 60_000},
		);
	},

	seed: (ctx) => seedKubernetes(ctx, adminClient(ctx)),

	endpoint(ctx): LabEndpoint {
		const layout = kubernetesLayout(ctx);
		const tokens = readFileSync(layout.tokens, 'utf8');
		const token = (user: string) =>
			tokens
				.split('\n')
				.find((l) => l.split(',')[1] === user)
				?.split(',')[0];
		return {
			env: {KUBECONFIG: layout.kubeconfig},
			config: {kubernetes: {kubeconfig: layout.kubeconfig}},
			details: {
				apiserverUrl: layout.apiserverUrl,
				kubeconfig: layout.kubeconfig,
				adminContext,
				adminToken: token(labUsers.admin.name),
				readonlyContext,
				readonlyUser: labUsers.readonly.name,
				caFile: layout.pki.caCert,
				metricsUrl: `https://127.0.0.1:${layout.ports.metrics}`,
				kubeletUrl: `https://127.0.0.1:${layout.ports.kubelet}`,
			},
		};
	},
};

/** For the orchestrator's `lab:down` and failed starts: stop what start() recorded. */
export async function stopKubernetes(ctx: LabContext): Promise<void> {
	await stopProcesses(started.length > 0 ? started : recordedProcesses(kubernetesLayout(ctx)));
	started = [];
}

export default kubernetes;
