// StatefulSets, DaemonSets and Services without a ready endpoint, read from
// the informers and compared with what kubectl reads from the same API
// server; restart and scale are read back with kubectl too.
import type {V1ControllerRevision, V1EndpointSlice, V1StatefulSet} from '@kubernetes/client-node';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {type OpenedKubernetes, openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {describeLab} from '../../support/lab.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	until,
} from './helpers.ts';

const template = (app: string, annotations: Record<string, string> = {}) => ({
	metadata: {labels: {app}, annotations},
	spec: {
		containers: [
			{
				name: app,
				image: `registry.example/${app}:1.0.0`,
				resources: {requests: {cpu: '10m', memory: '16Mi'}, limits: {memory: '64Mi'}},
			},
		],
	},
});

const service = (namespace: string, name: string, app: string) => ({
	apiVersion: 'v1',
	kind: 'Service',
	metadata: {name, namespace},
	spec: {selector: {app}, ports: [{port: 8080, targetPort: 8080}]},
});

const list = (...items: unknown[]) => JSON.stringify({apiVersion: 'v1', kind: 'List', items});

describeLab(
	'kubernetes statefulsets, daemonsets and endpointless services',
	['kubernetes'],
	(lab) => {
		let ns: string;
		let k: OpenedKubernetes;
		const reports: string[] = [];
		const data = () => Promise.resolve(k.source.read());

		beforeAll(async () => {
			ns = await ownNamespace(lab, 'irtop-k8s-sts');
			await kubectl(
				lab,
				['apply', '-f', '-'],
				list(
					{
						apiVersion: 'apps/v1',
						kind: 'StatefulSet',
						metadata: {name: 'db', namespace: ns},
						spec: {
							replicas: 2,
							serviceName: 'db',
							selector: {matchLabels: {app: 'db'}},
							template: template('db'),
						},
					},
					{
						apiVersion: 'apps/v1',
						kind: 'DaemonSet',
						metadata: {name: 'agent', namespace: ns},
						spec: {selector: {matchLabels: {app: 'agent'}}, template: template('agent')},
					},
					service(ns, 'db', 'db'),
					service(ns, 'nobody', 'nobody'),
					service(ns, 'crash', 'crash'),
				),
			);
			// A backend that exits at once (the simulator's crash annotation): its endpoint is never ready.
			const crash = JSON.parse(deploymentYaml(ns, 'crash'));
			crash.spec.template.metadata.annotations = {'sim.lab.irtop.dev/crash': 'exit 1'};
			await kubectl(lab, ['apply', '-f', '-'], JSON.stringify(crash));
			await kubectl(lab, ['rollout', 'status', 'statefulset/db', '-n', ns, '--timeout=60s']);
			await kubectl(lab, ['rollout', 'status', 'daemonset/agent', '-n', ns, '--timeout=60s']);
			k = openKubernetes(
				{kubeconfig: kubeconfigOf(lab), namespace: ns},
				{
					circuitBreakerEnv: {},
					rateLimit: {namespace: ns, configMap: 'x', deployment: 'x', key: 'k'},
				},
				undefined,
				(text) => reports.push(text),
			);
			k.source.watch(() => {}, new AbortController().signal);
			await k.source.poll(AbortSignal.timeout(30_000));
		}, 150_000);
		afterAll(async () => {
			await k?.source.close();
			await dropNamespace(lab, ns);
		});

		/** kubectl's view: the newest ControllerRevision number of an owner. */
		const kubectlRevision = async (kind: string, name: string) => {
			const revisions = await kubectlJson<{items: V1ControllerRevision[]}>(lab, [
				'get',
				'controllerrevisions',
				'-n',
				ns,
			]);
			const owned = revisions.items.filter((r) =>
				r.metadata?.ownerReferences?.some((o) => o.kind === kind && o.name === name),
			);
			return Math.max(...owned.map((r) => r.revision));
		};

		it('rows say what kubectl says: replicas, ready, nodes, revision, rollout', async () => {
			const sts = await kubectlJson<V1StatefulSet>(lab, ['get', 'statefulset/db', '-n', ns]);
			const ds = await kubectlJson<{status: {desiredNumberScheduled: number; numberReady: number}}>(
				lab,
				['get', 'daemonset/agent', '-n', ns],
			);
			const rows = await until(data, (d) => d.daemonsets?.[0]?.ready === ds.status.numberReady);
			expect(rows.statefulsets).toEqual([
				expect.objectContaining({
					kind: 'statefulset',
					name: 'db',
					desired: sts.spec?.replicas,
					ready: sts.status?.readyReplicas,
					revision: await kubectlRevision('StatefulSet', 'db'),
					rollout: 'complete',
				}),
			]);
			expect(rows.daemonsets).toEqual([
				expect.objectContaining({
					name: 'agent',
					desired: ds.status.desiredNumberScheduled,
					ready: ds.status.numberReady,
					revision: await kubectlRevision('DaemonSet', 'agent'),
					rollout: 'complete',
				}),
			]);
			// The lab's NotReady node is tainted: the DaemonSet controller leaves it out.
			expect(ds.status.desiredNumberScheduled).toBeGreaterThan(0);
		});

		it('services without a ready endpoint are the ones kubectl finds none ready for', async () => {
			const rows = await until(data, (d) =>
				(d.servicesWithoutEndpoints ?? []).some((s) => s.name === 'crash' && s.notReady === 1),
			);
			const slices = await kubectlJson<{items: V1EndpointSlice[]}>(lab, [
				'get',
				'endpointslices',
				'-n',
				ns,
			]);
			const ready = new Set(
				slices.items
					.filter((s) => (s.endpoints ?? []).some((e) => e.conditions?.ready !== false))
					.map((s) => s.metadata?.labels?.['kubernetes.io/service-name']),
			);
			const flagged = (rows.servicesWithoutEndpoints ?? []).map((s) => s.name);
			expect(flagged).toEqual(['crash', 'nobody']);
			for (const name of ['db', 'crash', 'nobody'])
				expect(ready.has(name)).toBe(!flagged.includes(name));
			expect(rows.servicesWithoutEndpoints?.find((s) => s.name === 'nobody')?.notReady).toBe(0);

			// A pod that becomes ready behind "nobody" takes it off the list.
			await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'nobody'));
			const after = await until(
				data,
				(d) => !(d.servicesWithoutEndpoints ?? []).some((s) => s.name === 'nobody'),
				60_000,
			);
			expect(after.servicesWithoutEndpoints?.map((s) => s.name)).toEqual(['crash']);
		}, 90_000);

		it('rollout restart of a StatefulSet and a DaemonSet: restartedAt, a new revision, followed to complete', async () => {
			const sts = {kind: 'statefulset', namespace: ns, name: 'db'} as const;
			const restart = k.mitigations.restartWorkload?.(sts);
			expect(restart?.command).toBe(`kubectl rollout restart statefulset/db -n ${ns}`);
			expect(await restart?.checkPermission?.(AbortSignal.timeout(10_000))).toEqual({
				allowed: true,
			});
			const before = await kubectlRevision('StatefulSet', 'db');
			expect(await restart?.run(AbortSignal.timeout(10_000))).toMatchObject({ok: true});
			const ds = {kind: 'daemonset', namespace: ns, name: 'agent'} as const;
			expect(
				await k.mitigations.restartWorkload?.(ds).run(AbortSignal.timeout(10_000)),
			).toMatchObject({
				ok: true,
			});
			const object = await kubectlJson<V1StatefulSet>(lab, ['get', 'statefulset/db', '-n', ns]);
			expect(
				object.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
			).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			await until(
				async () => reports,
				(r) => r.length >= 2,
				90_000,
			);
			expect(reports).toContainEqual(
				expect.stringMatching(/^Rollout of statefulset\/db complete after rollout restart/),
			);
			expect(reports).toContainEqual(
				expect.stringMatching(/^Rollout of daemonset\/agent complete after rollout restart/),
			);
			// kubectl's own word, and the new revision the row shows.
			await kubectl(lab, ['rollout', 'status', 'statefulset/db', '-n', ns, '--timeout=5s']);
			expect(await kubectlRevision('StatefulSet', 'db')).toBe(before + 1);
			const rows = await until(data, (d) => d.statefulsets?.[0]?.revision === before + 1);
			expect(rows.statefulsets?.[0]).toMatchObject({rollout: 'complete', ready: 2});
		}, 120_000);

		it('scale of a StatefulSet through /scale, as kubectl scale', async () => {
			const ref = {kind: 'statefulset', namespace: ns, name: 'db'} as const;
			const scale = k.mitigations.scaleStatefulSet?.(ref, 3);
			expect(scale?.command).toBe(`kubectl scale statefulset/db -n ${ns} --replicas=3`);
			expect(await scale?.run(AbortSignal.timeout(10_000))).toMatchObject({ok: true});
			const object = await kubectlJson<V1StatefulSet>(lab, ['get', 'statefulset/db', '-n', ns]);
			expect(object.spec?.replicas).toBe(3);
			const rows = await until(data, (d) => d.statefulsets?.[0]?.ready === 3, 60_000);
			expect(rows.statefulsets?.[0]).toMatchObject({desired: 3, ready: 3, rollout: 'complete'});
		}, 90_000);
	},
);
