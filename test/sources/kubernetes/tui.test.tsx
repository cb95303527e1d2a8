// The whole dashboard on the lab's real data and real mitigations: the keys a
// user presses, the exact kubectl command shown, the change read back.
import type {V1Deployment} from '@kubernetes/client-node';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {eventually} from '../../support/eventually.ts';
import {describeLab} from '../../support/lab.ts';
import {renderApp} from '../../support/render-app.tsx';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	until,
} from './helpers.ts';

const settings = {
	circuitBreakerEnv: {CIRCUIT_BREAKER_ENABLED: 'true'},
	rateLimit: {namespace: 'x', configMap: 'x', deployment: 'x', key: 'limit-rps'},
};

async function open(kubeconfig: string, namespace: string, context?: string) {
	const k = openKubernetes({kubeconfig, namespace, context}, settings);
	k.source.watch(() => {}, new AbortController().signal);
	const data = await k.source.poll(AbortSignal.timeout(30_000));
	await k.source.close();
	return {data, mitigations: k.mitigations};
}

async function toRestart(app: Awaited<ReturnType<typeof renderApp>>) {
	await app.press('jump');
	await app.type('deploy');
	await app.press('submit');
	await app.press('filter');
	await app.type('onboarding-api');
	await app.press('submit');
	await app.press('restart');
	// The confirmation (or the refusal) comes once the SelfSubjectAccessReview has answered.
	await eventually(
		async () => app.frame(),
		(f) => f.includes('kubectl rollout restart') || f.includes('not allowed'),
		10_000,
	);
}

describeLab('kubernetes in the TUI', ['kubernetes'], (lab) => {
	let ns: string;
	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-tui');
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'onboarding-api'));
	});
	afterAll(() => dropNamespace(lab, ns));

	it(':deploy, /onboarding-api, r shows the exact command for the runbook deployment', async () => {
		const {data, mitigations} = await open(kubeconfigOf(lab), 'business-onboarding');
		const app = await renderApp({columns: 120, rows: 40, data: {kubernetes: data}, mitigations});
		await toRestart(app);
		expect(app.frame()).toContain(
			'kubectl rollout restart deployment/onboarding-api -n business-onboarding',
		);
		// Not run here: the seeded world is shared; the same flow runs below in our namespace.
		await app.press('cancel');
		app.unmount();
	}, 40_000);

	it('y runs it once against the API server and the timeline shows it', async () => {
		const {data, mitigations} = await open(kubeconfigOf(lab), ns);
		const app = await renderApp({columns: 120, rows: 40, data: {kubernetes: data}, mitigations});
		await toRestart(app);
		expect(app.frame()).toContain(`kubectl rollout restart deployment/onboarding-api -n ${ns}`);
		await app.press('confirm', 3);
		const actionsNow = async () =>
			app.timeline.getSnapshot().events.filter((e) => e.kind === 'action');
		await eventually(actionsNow, (a) => a.length > 0, 10_000);
		// Time for a second run to show up, were the repeated key to cause one.
		await new Promise((r) => setTimeout(r, 500));
		const actions = await actionsNow();
		expect(actions).toHaveLength(1);
		expect(actions[0]?.data).toMatchObject({
			command: `kubectl rollout restart deployment/onboarding-api -n ${ns}`,
			ok: true,
		});
		expect(app.frame()).toMatch(/action\s+Rollout restart/);
		const d = await kubectlJson<V1Deployment>(lab, ['get', 'deployment/onboarding-api', '-n', ns]);
		expect(
			d.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
		).toBeTruthy();
		app.unmount();
	}, 40_000);

	it('m prompts for a memory limit, shows kubectl set resources and y applies it', async () => {
		const {data, mitigations} = await open(kubeconfigOf(lab), ns);
		const app = await renderApp({columns: 120, rows: 40, data: {kubernetes: data}, mitigations});
		await app.press('jump');
		await app.type('deploy');
		await app.press('submit');
		await app.press('memory-limit');
		expect(app.frame()).toContain('memory limit for onboarding-api (now 128Mi)');
		await app.type('\u007f\u007f\u007f512Mi');
		await app.press('submit');
		await eventually(
			async () => app.frame(),
			(f) => f.includes('$ kubectl set resources'),
			10_000,
		);
		// The dialog wraps a long command rather than cutting it.
		expect(app.frame()).toContain(`$ kubectl set resources deployment/onboarding-api -n ${ns}`);
		expect(app.frame()).toContain('--limits=memory=512Mi');
		await app.press('confirm');
		const limit = async () =>
			(await kubectlJson<V1Deployment>(lab, ['get', 'deployment/onboarding-api', '-n', ns])).spec
				?.template?.spec?.containers?.[0]?.resources?.limits?.memory;
		expect(await eventually(limit, (m) => m === '512Mi', 10_000)).toBe('512Mi');
		app.unmount();
	}, 40_000);

	it('as the read-only user, r says why it is not allowed and nothing crashes', async () => {
		const {data, mitigations} = await open(
			kubeconfigOf(lab),
			'business-onboarding',
			'lab-readonly',
		);
		await until(
			async () => mitigations.denied?.('restartDeployment'),
			(reason) => !!reason,
			10_000,
		);
		const app = await renderApp({columns: 120, rows: 40, data: {kubernetes: data}, mitigations});
		await app.press('jump');
		await app.type('deploy');
		await app.press('submit');
		// Shown disabled before it is pressed.
		expect(app.frame()).toMatch(/r ✗restart\s+s ✗scale/);
		await toRestart(app);
		expect(app.frame()).toContain('Rollout restart: not allowed · lab-readonly cannot');
		expect(app.frame()).not.toContain('kubectl rollout restart');
		expect(mitigations.denied?.('restartDeployment')).toMatch(
			/^lab-readonly cannot patch deployments\.apps in namespace business-onboarding/,
		);
		app.unmount();
	}, 40_000);

	it('escape sequences in names and messages render inert', async () => {
		const {data, mitigations} = await open(kubeconfigOf(lab), ns);
		const evil = '\u001b]0;pwned\u0007\u001b[2J';
		const app = await renderApp({
			columns: 120,
			rows: 40,
			data: {
				kubernetes: {
					...data,
					pods: [...data.pods, {...data.pods[0]!, name: `evil${evil}pod`, status: `Crash${evil}`}],
					events: [{...data.events[0]!, message: `${evil}${'m'.repeat(1 << 20)}`}],
				},
			},
			mitigations,
		});
		const frame = app.frame();
		expect(frame).not.toContain('\u001b]');
		expect(frame).not.toContain('\u001b[2J');
		expect(frame).toContain('evilpod');
		app.unmount();
	}, 40_000);
});
