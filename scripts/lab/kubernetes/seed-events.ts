// Events with a history: things that happened before the lab started (probe
// failures, a node going NotReady, memory pressure), written as the kubelet
// and node controller would have written them. Pods' own lifecycle events
// (Scheduled, Started, BackOff, …) come live from the fake kubelet.
import {apply, type KubeObject} from './apply.ts';
import type {KubeClient} from './client.ts';

interface Listed<T> {
	items: T[];
}
interface Named {
	metadata: {name: string; namespace?: string; uid: string};
	spec?: {nodeName?: string};
}

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const minutes = 60_000;

function event(
	name: string,
	namespace: string,
	involved: Record<string, unknown>,
	type: 'Normal' | 'Warning',
	reason: string,
	message: string,
	source: {component: string; host?: string},
	count: number,
	firstAgo: number,
	lastAgo: number,
): KubeObject {
	const now = Date.now();
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name, namespace},
		involvedObject: involved,
		type,
		reason,
		message,
		source,
		reportingComponent: source.component,
		reportingInstance: source.host ?? '',
		count,
		firstTimestamp: rfc3339(now - firstAgo),
		lastTimestamp: rfc3339(now - lastAgo),
	};
}

async function first(
	client: KubeClient,
	namespace: string,
	app: string,
): Promise<Named | undefined> {
	const pods = await client.get<Listed<Named>>(
		`/api/v1/namespaces/${namespace}/pods?labelSelector=app%3D${app}`,
	);
	return pods.items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
}

export async function seedEvents(client: KubeClient): Promise<void> {
	const node = async (name: string) =>
		(await client.get<Named>(`/api/v1/nodes/${name}`)).metadata.uid;
	const nodeRef = async (name: string) => ({
		kind: 'Node',
		name,
		uid: await node(name),
		apiVersion: 'v1',
	});
	const events: KubeObject[] = [
		event(
			'lab-worker-4.lab-not-ready',
			'default',
			await nodeRef('lab-worker-4'),
			'Normal',
			'NodeNotReady',
			'Node lab-worker-4 status is now: NodeNotReady',
			{component: 'node-controller'},
			1,
			38 * minutes,
			38 * minutes,
		),
		event(
			'lab-worker-3.lab-memory',
			'default',
			await nodeRef('lab-worker-3'),
			'Normal',
			'NodeHasInsufficientMemory',
			'Node lab-worker-3 status is now: NodeHasInsufficientMemory',
			{component: 'kubelet', host: 'lab-worker-3'},
			1,
			22 * minutes,
			22 * minutes,
		),
		event(
			'lab-worker-3.lab-eviction',
			'default',
			await nodeRef('lab-worker-3'),
			'Warning',
			'EvictionThresholdMet',
			'Attempting to reclaim memory',
			{component: 'kubelet', host: 'lab-worker-3'},
			7,
			22 * minutes,
			3 * minutes,
		),
	];
	const api = await first(client, 'business-onboarding', 'onboarding-api');
	if (api) {
		events.push(
			event(
				`${api.metadata.name}.lab-unhealthy`,
				'business-onboarding',
				{
					kind: 'Pod',
					name: api.metadata.name,
					namespace: 'business-onboarding',
					uid: api.metadata.uid,
					apiVersion: 'v1',
					fieldPath: 'spec.containers{onboarding-api}',
				},
				'Warning',
				'Unhealthy',
				'Readiness probe failed: HTTP probe failed with statuscode: 503',
				{component: 'kubelet', host: api.spec?.nodeName ?? ''},
				4,
				9 * minutes,
				6 * minutes,
			),
		);
	}
	const pdf = await first(client, 'business-onboarding', 'pdf-renderer');
	if (pdf?.spec?.nodeName) {
		events.push(
			event(
				`${pdf.spec.nodeName}.lab-system-oom`,
				'default',
				await nodeRef(pdf.spec.nodeName),
				'Warning',
				'SystemOOM',
				'System OOM encountered, victim process: pdf-renderer, pid: 48213',
				{component: 'kubelet', host: pdf.spec.nodeName},
				1,
				1 * minutes,
				1 * minutes,
			),
		);
	}
	const ingress = await first(client, 'platform-ingress', 'ingress-nginx-controller');
	if (ingress) {
		events.push(
			event(
				`${ingress.metadata.name}.lab-reload`,
				'platform-ingress',
				{
					kind: 'Pod',
					name: ingress.metadata.name,
					namespace: 'platform-ingress',
					uid: ingress.metadata.uid,
					apiVersion: 'v1',
				},
				'Normal',
				'RELOAD',
				'NGINX reload triggered due to a change in configuration',
				{component: 'nginx-ingress-controller'},
				2,
				30 * minutes,
				12 * minutes,
			),
		);
	}
	for (const e of events) await apply(client, e);
}
