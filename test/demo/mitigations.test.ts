import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {DemoWorld, demoMitigations} from '../../source/demo/index.ts';
import {onboardingApi, start} from './helpers.ts';

describe('demoMitigations', () => {
	let now = start;
	let w: DemoWorld;

	beforeEach(() => {
		vi.useFakeTimers();
		now = start + 150_000;
		w = new DemoWorld(start, {now: () => now});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	const mitigations = () => demoMitigations(w);

	it("restarts with kubectl's exact command and target", () => {
		const action = mitigations().restartDeployment?.(onboardingApi);
		expect(action?.command).toBe(
			'kubectl rollout restart deployment/onboarding-api -n business-onboarding',
		);
		expect(action?.target).toEqual({
			context: 'demo',
			namespace: 'business-onboarding',
			object: 'deployment/onboarding-api',
		});
		expect(action?.title).toBeTruthy();
	});

	it("scales with kubectl's exact command and shows the change", () => {
		const action = mitigations().scaleDeployment?.(onboardingApi, 5);
		expect(action?.command).toBe(
			'kubectl scale deployment/onboarding-api -n business-onboarding --replicas=5',
		);
		expect(action?.target.object).toBe('deployment/onboarding-api');
		expect(action?.details).toEqual(['Replicas: 3 → 5']);
	});

	it('records a restart when run, and only after a short delay', async () => {
		const action = mitigations().restartDeployment?.(onboardingApi);
		const outcome = action?.run(new AbortController().signal);
		expect(w.interventions).toEqual([]);
		await vi.advanceTimersByTimeAsync(1000);
		await expect(outcome).resolves.toEqual({
			ok: true,
			message: 'deployment.apps/onboarding-api restarted',
		});
		expect(w.interventions).toEqual([{kind: 'restart', ...onboardingApi, at: now}]);
		expect(w.deployment(onboardingApi, now + 5000)?.rollout).toBe('progressing');
		expect(w.deployment(onboardingApi, now + 60_000)?.rollout).toBe('complete');
		expect(w.deployment(onboardingApi, now + 60_000)?.revision).toBe(15);
	});

	it('records a scale when run', async () => {
		const outcome = mitigations()
			.scaleDeployment?.(onboardingApi, 5)
			.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(1000);
		await expect(outcome).resolves.toEqual({
			ok: true,
			message: 'deployment.apps/onboarding-api scaled',
		});
		expect(w.deployment(onboardingApi, now + 30_000)).toMatchObject({desired: 5, ready: 5});
	});

	it.each([
		[
			-1,
			'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
		],
		[
			2.5,
			'Error: invalid argument "2.5" for "--replicas" flag: strconv.ParseInt: parsing "2.5": invalid syntax',
		],
		[
			Number.NaN,
			'Error: invalid argument "NaN" for "--replicas" flag: strconv.ParseInt: parsing "NaN": invalid syntax',
		],
	])('refuses --replicas=%s as kubectl does', async (replicas, message) => {
		const action = mitigations().scaleDeployment?.(onboardingApi, replicas);
		expect(action?.command).toBe(
			`kubectl scale deployment/onboarding-api -n business-onboarding --replicas=${replicas}`,
		);
		const outcome = action?.run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(1000);
		await expect(outcome).resolves.toEqual({ok: false, message});
		expect(w.interventions).toEqual([]);
	});

	it('answers NotFound for a deployment the cluster does not have', async () => {
		const ref = {namespace: 'business-onboarding', name: 'nope'};
		const outcome = mitigations().restartDeployment?.(ref).run(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(1000);
		await expect(outcome).resolves.toEqual({
			ok: false,
			message: 'Error from server (NotFound): deployments.apps "nope" not found',
		});
		expect(w.interventions).toEqual([]);
	});

	it('does nothing when aborted before the API answers', async () => {
		const controller = new AbortController();
		const outcome = mitigations().restartDeployment?.(onboardingApi).run(controller.signal);
		controller.abort(new Error('cancelled'));
		await expect(outcome).rejects.toThrow('cancelled');
		await vi.advanceTimersByTimeAsync(1000);
		expect(w.interventions).toEqual([]);
	});
});
