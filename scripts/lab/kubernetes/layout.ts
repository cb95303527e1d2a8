// Where the Kubernetes part of the lab keeps its files, in one place.
import {join} from 'node:path';
import type {LabContext} from '../server.ts';
import {clusterPki} from './certs.ts';

export const serverName = 'kubernetes';

function port(ctx: LabContext, name: string): number {
	const value = ctx.ports[name];
	if (value === undefined)
		throw new Error(`kubernetes: no port named ${name} in the lab's port table`);
	return value;
}

export function kubernetesLayout(ctx: LabContext) {
	const data = ctx.paths.dataDir(serverName);
	const ports = {
		apiserver: port(ctx, 'apiserver'),
		kine: port(ctx, 'kine'),
		metrics: port(ctx, 'metrics'),
		kubelet: port(ctx, 'kubelet'),
	};
	const log = (part: string) => ctx.paths.logFile(`${serverName}-${part}`);
	return {
		data,
		pki: clusterPki(join(data, 'pki')),
		tokens: join(data, 'tokens.csv'),
		kineDir: join(data, 'kine'),
		controllerManagerKubeconfig: join(data, 'controller-manager.kubeconfig'),
		simulatorKubeconfig: join(data, 'simulator.kubeconfig'),
		/** The kubeconfig people, tests and irtop use. */
		kubeconfig: join(ctx.paths.lab, 'kubeconfig'),
		ports,
		apiserverUrl: `https://127.0.0.1:${ports.apiserver}`,
		logs: {
			kine: log('kine'),
			// The apiserver's log is the server's own: the orchestrator quotes it when a start fails.
			apiserver: ctx.paths.logFile(serverName),
			controllerManager: log('controller-manager'),
			// One helper process: the fake kubelet and the metrics.k8s.io stand-in.
			simulator: log('simulator'),
		},
	};
}

export type KubernetesLayout = ReturnType<typeof kubernetesLayout>;
