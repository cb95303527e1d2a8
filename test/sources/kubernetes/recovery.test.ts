// Watch recovery, case by case: informers stopped the way the client stops
// them on an error, and left silent for the dead-watch check. A real
// kube-apiserver restart is in apiserver-restart.test.ts (a second apiserver
// on the lab's kine, so the lab's own keeps serving everyone else).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import type {KubernetesSource} from '../../../source/sources/kubernetes/source.ts';
import {describeLab} from '../../support/lab.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	ownNamespace,
	until,
} from './helpers.ts';

const settings = {
	circuitBreakerEnv: {},
	rateLimit: {namespace: 'x', configMap: 'x', deployment: 'x', key: 'limit-rps'},
};

describeLab('kubernetes watch recovery', ['kubernetes'], (lab) => {
	let ns: string;
	let source: KubernetesSource;
	let changes = 0;

	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-rec');
		source = openKubernetes({kubeconfig: kubeconfigOf(lab), namespace: ns}, settings, {
			// The default dead-watch limit: a short one would restart this empty namespace's quiet
			// watches too, and the first test expects only the stopped one to be reconnecting.
			minBackoffMs: 200,
			maxBackoffMs: 1000,
		}).source;
		source.watch(() => changes++, new AbortController().signal);
		await source.poll(AbortSignal.timeout(30_000));
	});
	afterAll(async () => {
		await source.close();
		await dropNamespace(lab, ns);
	});

	it('a stopped informer shows "reconnecting", restarts with backoff and catches up', async () => {
		await source.deployments.simulateStop(new Error('connection reset by peer'));
		expect(source.read().reconnecting).toEqual(['deployments: connection reset by peer']);
		// A change made while the watch is down arrives once it is back.
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'while-down'));
		await until(
			async () => source.read(),
			(d) => d.reconnecting === undefined && d.deployments.some((x) => x.name === 'while-down'),
			15_000,
		);
		expect(source.deployments.restarts).toBeGreaterThanOrEqual(1);
		expect(source.deployments.state).toBe('synced');
	}, 30_000);

	it('a watch silent for too long is presumed dead and restarted', async () => {
		// An empty namespace of its own: no event, no bookmark within 2 s.
		const quietNs = await ownNamespace(lab, 'irtop-k8s-quiet');
		const quiet = openKubernetes({kubeconfig: kubeconfigOf(lab), namespace: quietNs}, settings, {
			deadAfterMs: 2000,
			minBackoffMs: 100,
		}).source;
		try {
			quiet.watch(() => {}, new AbortController().signal);
			await quiet.poll(AbortSignal.timeout(30_000));
			await until(
				async () => quiet.deployments.restarts,
				(n) => n > 0,
				20_000,
			);
			await until(
				async () => quiet.read(),
				(d) => d.reconnecting === undefined,
				15_000,
			);
			expect(quiet.deployments.state).toBe('synced');
		} finally {
			await quiet.close();
			await dropNamespace(lab, quietNs);
		}
	}, 40_000);

	it('an API server that cannot be reached is an error of the source, not a crash', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-kc-'));
		const file = join(dir, 'config');
		writeFileSync(
			file,
			JSON.stringify({
				apiVersion: 'v1',
				kind: 'Config',
				clusters: [
					{name: 'c', cluster: {server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true}},
				],
				users: [{name: 'u', user: {token: 'x'}}],
				contexts: [{name: 'dead', context: {cluster: 'c', user: 'u'}}],
				'current-context': 'dead',
			}),
		);
		const dead = openKubernetes({kubeconfig: file, allNamespaces: true}, settings, {
			minBackoffMs: 100,
		}).source;
		try {
			dead.watch(() => {}, new AbortController().signal);
			await expect(dead.poll(AbortSignal.timeout(10_000))).rejects.toThrow(/^pods: /);
			expect(dead.pods.state).toBe('reconnecting');
		} finally {
			await dead.close();
			rmSync(dir, {recursive: true});
		}
	}, 20_000);
});
