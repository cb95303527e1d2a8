// Watch recovery across a real kube-apiserver restart. The lab's own
// apiserver serves every other test file at the same time, so irtop is pointed
// at a second one on the same kine (test/support/lab-apiserver.ts), which is
// stopped and started again on the same port while the cluster changes
// through the lab's apiserver. One Scheduler, Store and source carry on
// throughout, as in a running irtop: the pods panel says "reconnecting" and
// keeps its last rows while the server is down, and catches up once it is
// back, after a clean stop (SIGTERM, a rolling restart) and after a crash
// (SIGKILL).
import {afterAll, beforeAll, expect, it, onTestFailed} from 'vitest';
import {Scheduler} from '../../../source/engine/scheduler.ts';
import {Store} from '../../../source/engine/store.ts';
import type {KubernetesData} from '../../../source/model/index.ts';
import {connect} from '../../../source/sources/kubernetes/connect.ts';
import {KubernetesSource} from '../../../source/sources/kubernetes/source.ts';
import {Timeline} from '../../../source/timeline/timeline.ts';
import type {PanelView} from '../../../source/ui/panels/panel.ts';
import {podsPanel} from '../../../source/ui/panels/pods.ts';
import {describeLab} from '../../support/lab.ts';
import {type SecondApiserver, secondApiserver} from '../../support/lab-apiserver.ts';
import {dropNamespace, kubectl, ownNamespace, until} from './helpers.ts';

function podYaml(namespace: string, name: string): string {
	return JSON.stringify({
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace, annotations: {'sim.lab.irtop.dev/events': 'off'}},
		spec: {
			containers: [
				{
					name: 'app',
					image: `registry.example/${name}:1.0.0`,
					resources: {requests: {cpu: '10m', memory: '16Mi'}, limits: {memory: '64Mi'}},
				},
			],
		},
	});
}

describeLab('kubernetes watch recovery across a real apiserver restart', ['kubernetes'], (lab) => {
	let server: SecondApiserver | undefined;
	let ns = '';
	let source: KubernetesSource | undefined;
	let scheduler: Scheduler | undefined;
	const store = new Store();
	const timeline = new Timeline({author: null}).getSnapshot();
	let failed = false;

	const data = (): KubernetesData | null => {
		const slot = store.getSnapshot().slots.kubernetes;
		return slot.phase === 'ok' ? slot.data : null;
	};
	const view = (): PanelView => {
		const context = {
			store: store.getSnapshot(),
			timeline,
			now: Date.now(),
			problemsOnly: false,
			topSort: 'cpu',
		} as const;
		return podsPanel.view(context, 160);
	};
	const keys = () => view().lines.map((l) => l.key);
	const has = (d: KubernetesData | null, pod: string) =>
		!!d?.pods.some((p) => p.namespace === ns && p.name === pod);

	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-restart');
		server = await secondApiserver(lab);
		await server.start();
		source = new KubernetesSource(connect({kubeconfig: server.kubeconfig, allNamespaces: true}), {
			minBackoffMs: 200,
			maxBackoffMs: 1000,
		});
		scheduler = new Scheduler(store, [source], {intervalMs: 5000});
		scheduler.start();
		// Synced through the second apiserver: the seeded world is there.
		await until(
			async () => data(),
			(d) =>
				!!d &&
				d.reconnecting === undefined &&
				d.pods.some((p) => p.namespace === 'business-onboarding'),
			30_000,
		);
	}, 120_000);

	afterAll(async () => {
		// Stopping the scheduler closes the source.
		await scheduler?.stop();
		store.dispose();
		await server?.dispose(failed);
		if (failed && server)
			process.stderr.write(`apiserver-restart: the second apiserver's log: ${server.log}\n`);
		if (ns) await dropNamespace(lab, ns);
	}, 60_000);

	/**
	 * One outage: `before` exists and is shown; the server goes down; `before`
	 * is deleted and `after` created through the lab's apiserver; the server
	 * comes back on the same port and the same source catches up.
	 */
	async function outage(down: (s: SecondApiserver) => Promise<unknown>, name: string) {
		onTestFailed(() => {
			failed = true;
		});
		if (!server || !source) throw new Error('beforeAll did not finish');
		const apiserver = server;
		const watched = [
			source.pods,
			source.nodes,
			source.events,
			source.deployments,
			source.replicaSets,
		];
		const before = `${name}-before`;
		const after = `${name}-after`;
		if (!apiserver.running) await apiserver.start();
		await kubectl(lab, ['apply', '-f', '-'], podYaml(ns, before));
		await until(
			async () => data(),
			(d) => d?.reconnecting === undefined && has(d, before),
			30_000,
		);
		expect(view().summary).not.toContain('reconnecting');
		expect(keys()).toContain(`${ns}/${before}`);
		const restartsBefore = source.pods.restarts;

		await down(apiserver);
		await until(
			async () => data(),
			(d) => (d?.reconnecting ?? []).some((r) => r.startsWith('pods: ')),
			15_000,
		);
		expect(view().summary).toMatch(/^reconnecting · /);
		// The last rows stay on screen, marked as possibly behind.
		const rowsDown = keys();
		expect(rowsDown).toContain(`${ns}/${before}`);
		expect(rowsDown.some((k) => k.startsWith('business-onboarding/'))).toBe(true);

		// Changes it cannot see yet, made through the lab's own apiserver.
		await kubectl(lab, ['apply', '-f', '-'], podYaml(ns, after));
		await kubectl(lab, ['delete', 'pod', before, '-n', ns, '--grace-period=0', '--force']);
		// A few failed reconnects (the backoff reaches its 1 s cap) before it comes back.
		await new Promise((r) => setTimeout(r, 2500));
		expect(view().summary).toMatch(/^reconnecting · /);
		expect(keys()).toEqual(rowsDown);
		expect(source.pods.restarts).toBeGreaterThan(restartsBefore);
		const restartsDown = source.pods.restarts;

		// Same port, same source, same scheduler: it catches up by itself.
		await apiserver.start();
		await until(
			async () => data(),
			(d) => !!d && d.reconnecting === undefined && has(d, after) && !has(d, before),
			30_000,
		);
		expect(view().summary).not.toContain('reconnecting');
		expect(keys()).toContain(`${ns}/${after}`);
		expect(keys()).not.toContain(`${ns}/${before}`);
		for (const w of watched) expect(w.state, w.resource).toBe('synced');
		expect(source.pods.restarts).toBeGreaterThan(restartsDown);
		// No poll failed: the source kept delivering its last rows throughout.
		expect(store.getSnapshot().slots.kubernetes.phase).toBe('ok');
	}

	it('SIGTERM (a rolling restart): "reconnecting" with the last rows, then caught up', async () => {
		await outage((s) => s.stop(), 'term');
	}, 120_000);

	it('SIGKILL (a crash): the same, on the same source', async () => {
		await outage((s) => s.kill(), 'kill');
	}, 120_000);
});
