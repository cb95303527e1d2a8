// Pod logs as `kubectl logs --tail=100` shows them, and followed.
import type {V1Pod} from '@kubernetes/client-node';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {connect} from '../../../source/sources/kubernetes/connect.ts';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {LogTail} from '../../../source/sources/kubernetes/logs.ts';
import {describeLab} from '../../support/lab.ts';
import {renderApp} from '../../support/render-app.tsx';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	rolledOut,
	until,
} from './helpers.ts';

describeLab('kubernetes pod logs', ['kubernetes'], (lab) => {
	let ns: string;
	let pod: string;
	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-logs');
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'talker'));
		await rolledOut(lab, ns, 'talker');
		const pods = await kubectlJson<{items: V1Pod[]}>(lab, ['get', 'pods', '-n', ns]);
		pod = pods.items[0]?.metadata?.name ?? '';
		// A few generated lines first.
		await until(
			async () => (await kubectl(lab, ['logs', '-n', ns, pod])).trim().split('\n').length,
			(n) => n >= 3,
			30_000,
		);
	}, 90_000);
	afterAll(() => dropNamespace(lab, ns));

	it('the last lines equal kubectl logs --tail', async () => {
		const before = (await kubectl(lab, ['logs', '-n', ns, pod, '--tail=100']))
			.trimEnd()
			.split('\n');
		const tail = new LogTail(() => {});
		await tail.start(connect({kubeconfig: kubeconfigOf(lab)}).kc, {namespace: ns, pod});
		await until(
			async () => tail.ended,
			(ended) => ended,
			10_000,
		);
		const after = (await kubectl(lab, ['logs', '-n', ns, pod, '--tail=100'])).trimEnd().split('\n');
		expect(tail.error).toBeNull();
		expect(tail.lines.length).toBeGreaterThanOrEqual(3);
		expect(tail.lines.length).toBeLessThanOrEqual(100);
		const seen = new Set([...before, ...after]);
		for (const line of tail.lines) expect(seen.has(line), line).toBe(true);
	}, 30_000);

	it('l on a pod opens its log, followed; esc closes it', async () => {
		const {podLogs, source, mitigations} = openKubernetes(
			{kubeconfig: kubeconfigOf(lab), namespace: ns},
			{
				circuitBreakerEnv: {},
				rateLimit: {namespace: ns, configMap: 'x', deployment: 'x', key: 'k'},
			},
		);
		source.watch(() => {}, new AbortController().signal);
		const data = await source.poll(AbortSignal.timeout(30_000));
		await source.close();
		const app = await renderApp({
			columns: 120,
			rows: 40,
			data: {kubernetes: data},
			mitigations,
			podLogs,
		});
		await app.press('jump');
		await app.type('pods');
		await app.press('submit');
		await app.press('toggle-problems'); // a Running pod is not a problem: show all
		await app.press('logs');
		await until(
			async () => app.frame(),
			(frame) => frame.includes(`Logs · following · ${ns}/${pod}`) && /INFO|WARN|ERROR/.test(frame),
			15_000,
		);
		await app.press('logs-close');
		expect(app.frame()).not.toContain(`Logs · `);
		app.unmount();
	}, 40_000);

	it('follows new lines until stopped; a missing pod is an error, not a crash', async () => {
		const kc = connect({kubeconfig: kubeconfigOf(lab)}).kc;
		const tail = new LogTail(() => {});
		await tail.start(kc, {namespace: ns, pod, follow: true, tailLines: 1});
		const first = tail.lines.length;
		await until(
			async () => tail.lines.length,
			(n) => n > first + 1,
			20_000,
		);
		tail.stop();
		const missing = new LogTail(() => {});
		await missing.start(kc, {namespace: ns, pod: 'no-such-pod'});
		await until(
			async () => missing.ended,
			(ended) => ended,
			10_000,
		);
		expect(missing.error).toMatch(/not found|404|Not Found/i);
	}, 40_000);
});
