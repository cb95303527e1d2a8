// Seeds the runbook's world. Safe to run again: objects are applied
// server-side, and workloads that already exist get their seeded pod template
// back (which also undoes what scenarios and mitigations changed), so a
// second run makes no new revision unless something had drifted.
import type {LabContext} from '../server.ts';
import {apply, applyAll, type KubeObject, objectPath} from './apply.ts';
import type {KubeClient} from './client.ts';
import {kubernetesLayout} from './layout.ts';
import {waitRolledOut} from './rollout.ts';
import {seedEvents} from './seed-events.ts';
import {seedStorage} from './storage.ts';
import {
	ingressConfigMap,
	namespaceObjects,
	namespaces,
	nodeObject,
	nodeSpecs,
	nodeStatus,
	onboardingApi,
	onboardingImages,
	podTemplate,
	serviceObjects,
	workloadObject,
	workloads,
} from './world.ts';

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

async function exists(client: KubeClient, path: string): Promise<boolean> {
	try {
		await client.get(path);
		return true;
	} catch (error) {
		if ((error as {code?: number}).code === 404) return false;
		throw error;
	}
}

export async function seedNodes(client: KubeClient, kubeletPort: number): Promise<void> {
	const now = Date.now();
	for (const spec of nodeSpecs) {
		const node = nodeObject(spec);
		await apply(client, node);
		// The NodeTaint admission plugin adds node.kubernetes.io/not-ready to every
		// new node, and no node lifecycle controller runs here to lift it: set the
		// taints outright (a merge patch replaces the whole list).
		await client.patch(objectPath('v1', 'Node', spec.name), {
			spec: {taints: (node.spec as {taints: unknown[]}).taints},
		});
		await apply(
			client,
			nodeStatus(spec, rfc3339(now), rfc3339(now - 3 * 24 * 3600_000), kubeletPort),
			'status',
		);
	}
}

/** onboarding-api gets two real revisions: 2.4.0 rolled out, then 2.4.1 rolled out over it. */
async function seedOnboardingApi(client: KubeClient, log: (line: string) => void): Promise<void> {
	const {namespace, name} = onboardingApi;
	for (const [i, image] of onboardingImages.entries()) {
		const container = {...onboardingApi.containers[0]!, image};
		const spec = {...onboardingApi, containers: [container]};
		await apply(
			client,
			workloadObject(spec, podTemplate(spec), {
				'kubernetes.io/change-cause': `deploy onboarding-api ${image.split(':')[1]}`,
			}),
		);
		log(`seed: onboarding-api revision ${i + 1} (${image})`);
		await waitRolledOut(client, 'Deployment', namespace, name);
	}
}

/** Puts an existing workload's seeded template, replicas and config back in one JSON patch. */
async function restoreWorkload(client: KubeClient, object: KubeObject): Promise<void> {
	const spec = object.spec as {template: unknown; replicas: number; strategy?: unknown};
	const ops = [
		{op: 'replace', path: '/spec/template', value: spec.template},
		// A DaemonSet has no replicas.
		...(object.kind === 'DaemonSet'
			? []
			: [{op: 'replace', path: '/spec/replicas', value: spec.replicas}]),
	];
	// `add` also replaces; a resumed deployment has no `paused` field to replace.
	if (object.kind === 'Deployment') {
		ops.push(
			{op: 'add', path: '/spec/paused', value: false},
			{op: 'add', path: '/spec/strategy', value: spec.strategy},
		);
	}
	if (object.kind === 'Deployment' && object.metadata.name === onboardingApi.name) {
		ops.push({
			op: 'add',
			path: '/metadata/annotations/kubernetes.io~1change-cause',
			value: `deploy onboarding-api ${onboardingImages[1].split(':')[1]}`,
		});
	}
	await client.patch(
		objectPath('apps/v1', object.kind, object.metadata.name, object.metadata.namespace),
		ops,
		'json',
	);
}

export async function seedKubernetes(ctx: LabContext, client: KubeClient): Promise<void> {
	await applyAll(client, namespaceObjects());
	// Pods are refused until their namespace's default service account exists;
	// the controller manager makes it soon, applying it here avoids the wait.
	for (const namespace of namespaces) {
		await apply(client, {
			apiVersion: 'v1',
			kind: 'ServiceAccount',
			metadata: {name: 'default', namespace},
		});
	}
	await seedNodes(client, kubernetesLayout(ctx).ports.kubelet);
	await client
		.request(
			'PUT',
			objectPath(
				'v1',
				'ConfigMap',
				ingressConfigMap.metadata.name,
				ingressConfigMap.metadata.namespace,
			),
			ingressConfigMap,
		)
		.catch(async (error: {code?: number}) => {
			if (error.code !== 404) throw error;
			await apply(client, ingressConfigMap);
		});
	await applyAll(client, serviceObjects());

	// postgresql was seeded as a Deployment before it became the runbook's StatefulSet.
	const stale = objectPath('apps/v1', 'Deployment', 'postgresql', 'platform-observability');
	if (await exists(client, stale)) await client.remove(stale);

	let firstRollout: Promise<void> | undefined;
	for (const workload of workloads) {
		const object = workloadObject(workload);
		const path = objectPath('apps/v1', object.kind, workload.name, workload.namespace);
		if (await exists(client, path)) await restoreWorkload(client, object);
		// Its two revisions roll out while the other workloads start.
		else if (workload === onboardingApi) firstRollout = seedOnboardingApi(client, ctx.log);
		else await apply(client, object);
	}
	await firstRollout;
	await Promise.all(
		workloads
			.filter((w) => w.healthy)
			.map((w) => waitRolledOut(client, w.kind ?? 'Deployment', w.namespace, w.name)),
	);
	await seedEvents(client);
	await seedStorage(client);
	ctx.log(
		`seed: ${namespaces.length} namespaces, ${nodeSpecs.length} nodes, ${workloads.length} workloads`,
	);
}
