// After a mitigation, the rollout is followed from the watch until it is
// complete (or stalled), and told once for the timeline.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {describeLab} from '../../support/lab.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	ownNamespace,
	rolledOut,
	until,
} from './helpers.ts';

describeLab('kubernetes rollout tracking', ['kubernetes'], (lab) => {
	let ns: string;
	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-roll');
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'api', {replicas: 2}));
		await kubectl(
			lab,
			['apply', '-f', '-'],
			deploymentYaml(ns, 'broken', {image: 'registry.example/does-not-exist:1'}),
		);
		await kubectl(lab, [
			'patch',
			'deployment/broken',
			'-n',
			ns,
			'-p',
			'{"spec":{"progressDeadlineSeconds":3}}',
		]);
		await rolledOut(lab, ns, 'api');
	}, 90_000);
	afterAll(() => dropNamespace(lab, ns));

	it('a restart is reported complete; a rollout that cannot finish is reported stalled', async () => {
		const reports: string[] = [];
		const k = openKubernetes(
			{kubeconfig: kubeconfigOf(lab), namespace: ns},
			{
				circuitBreakerEnv: {},
				rateLimit: {namespace: ns, configMap: 'x', deployment: 'x', key: 'k'},
			},
			undefined,
			(text) => reports.push(text),
		);
		k.source.watch(() => {}, new AbortController().signal);
		try {
			await k.source.poll(AbortSignal.timeout(30_000));
			expect(
				await k.mitigations
					.restartDeployment?.({namespace: ns, name: 'api'})
					.run(AbortSignal.timeout(10_000)),
			).toMatchObject({ok: true});
			expect(
				await k.mitigations
					.restartDeployment?.({namespace: ns, name: 'broken'})
					.run(AbortSignal.timeout(10_000)),
			).toMatchObject({ok: true});
			await until(
				async () => reports,
				(r) => r.length === 2,
				60_000,
			);
			expect(reports).toContainEqual(
				expect.stringMatching(/^Rollout of deployment\/api complete after rollout restart/),
			);
			expect(reports).toContainEqual(
				expect.stringMatching(/^Rollout of deployment\/broken stalled after rollout restart/),
			);
		} finally {
			await k.source.close();
		}
	}, 90_000);
});
