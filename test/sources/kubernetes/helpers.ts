import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import type {
	KubernetesSource,
	KubernetesSourceOptions,
} from '../../../source/sources/kubernetes/source.ts';

export {until} from '../../support/eventually.ts';

import type {Lab} from '../../support/lab.ts';
import {unique} from '../../support/lab.ts';

const run = promisify(execFile);

export function kubeconfigOf(lab: Lab): string {
	return String(lab.details('kubernetes').kubeconfig);
}

/** kubectl against the lab (the independent witness), as the admin unless told. */
export async function kubectl(lab: Lab, args: readonly string[], input?: string): Promise<string> {
	const child = run('kubectl', ['--kubeconfig', kubeconfigOf(lab), ...args], {
		timeout: 60_000,
		maxBuffer: 64 << 20,
	});
	if (input !== undefined) {
		child.child.stdin?.end(input);
	}
	return (await child).stdout;
}

export async function kubectlJson<T>(lab: Lab, args: readonly string[]): Promise<T> {
	return JSON.parse(await kubectl(lab, [...args, '-o', 'json'])) as T;
}

/** A namespace of the test's own, so nothing another test (or person) uses is touched. */
export async function ownNamespace(lab: Lab, prefix: `irtop-${string}`): Promise<string> {
	const name = unique(prefix).replace(/_/g, '-').toLowerCase();
	await kubectl(lab, ['create', 'namespace', name]);
	return name;
}

/** Whether a namespace is the lab's seeded world rather than one a test made with ownNamespace. */
export const seeded = (namespace: string | undefined): boolean => !namespace?.startsWith('irtop-');

export async function dropNamespace(lab: Lab, name: string): Promise<void> {
	await kubectl(lab, ['delete', 'namespace', name, '--wait=false', '--ignore-not-found']);
}

export function deploymentYaml(
	namespace: string,
	name: string,
	options: {image?: string; replicas?: number; memory?: string} = {},
): string {
	return JSON.stringify({
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name, namespace},
		spec: {
			replicas: options.replicas ?? 1,
			selector: {matchLabels: {app: name}},
			template: {
				metadata: {labels: {app: name}},
				spec: {
					containers: [
						{
							name: 'app',
							image: options.image ?? `registry.example/${name}:1.0.0`,
							resources: {
								requests: {cpu: '10m', memory: '16Mi'},
								limits: {memory: options.memory ?? '128Mi'},
							},
						},
					],
				},
			},
		},
	});
}

/** The Kubernetes source on one namespace, watching and listed once; close it after. */
export async function watchedSource(
	lab: Lab,
	namespace: string,
	options: KubernetesSourceOptions = {},
): Promise<KubernetesSource> {
	const {source} = openKubernetes(
		{kubeconfig: kubeconfigOf(lab), namespace},
		{circuitBreakerEnv: {}, rateLimit: {namespace, configMap: 'x', deployment: 'x', key: 'k'}},
		options,
	);
	source.watch(() => {}, new AbortController().signal);
	await source.poll(AbortSignal.timeout(30_000));
	return source;
}

/** `kubectl rollout status deployment/NAME -n NS --timeout=60s`: waits for the rollout to finish. */
export async function rolledOut(lab: Lab, namespace: string, deployment: string): Promise<void> {
	await kubectl(lab, [
		'rollout',
		'status',
		`deployment/${deployment}`,
		'-n',
		namespace,
		'--timeout=60s',
	]);
}
