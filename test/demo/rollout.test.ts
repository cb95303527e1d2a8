import {describe, expect, it} from 'vitest';
import {findDeployment} from '../../source/demo/inventory.ts';
import {lifecycle} from '../../source/demo/pod-lifecycle.ts';
import type {DeploymentPlan} from '../../source/demo/rollout.ts';
import {planDeployment, versionAt} from '../../source/demo/rollout.ts';
import {seconds} from './helpers.ts';

const spec = findDeployment('business-onboarding', 'onboarding-api');
if (!spec) throw new Error('onboarding-api missing from the inventory');

const stages = (plan: DeploymentPlan, t: number) => plan.pods.map((p) => lifecycle(p, t));
const count = (plan: DeploymentPlan, t: number, stage: string) =>
	stages(plan, t).filter((s) => s === stage).length;

describe('planDeployment', () => {
	it('leaves the initial pods alone without changes', () => {
		const plan = planDeployment(spec, []);
		expect(plan.pods).toHaveLength(3);
		expect(count(plan, 0, 'running')).toBe(3);
		expect(plan.steps).toEqual([]);
	});

	it('rolls a restart one pod at a time, never below the desired count ready', () => {
		const plan = planDeployment(spec, [{at: 100, kind: 'restart'}]);
		const hash = versionAt(plan, 100).hash;
		expect(hash).not.toBe(versionAt(plan, 99).hash);
		for (const t of seconds(100, 160, 0.5)) {
			expect(count(plan, t, 'running'), `${t}s`).toBeGreaterThanOrEqual(3);
			// maxSurge 25 % of 3 rounds up to one extra pod.
			const live = plan.pods.filter((p) =>
				['pending', 'creating', 'starting', 'running'].includes(lifecycle(p, t)),
			);
			expect(live.length, `${t}s`).toBeLessThanOrEqual(4);
		}
		const done = plan.pods.filter((p) => lifecycle(p, 160) === 'running');
		expect(done.map((p) => p.hash)).toEqual([hash, hash, hash]);
		expect(plan.steps.map((s) => `${s.from}→${s.to}`)).toEqual([
			'0→1',
			'3→2',
			'1→2',
			'2→1',
			'2→3',
			'1→0',
		]);
	});

	it('scales up and down, removing the newest pods first', () => {
		const plan = planDeployment(spec, [
			{at: 50, kind: 'scale', replicas: 5},
			{at: 100, kind: 'scale', replicas: 2},
		]);
		expect(count(plan, 50.5, 'pending')).toBe(2);
		expect(count(plan, 70, 'running')).toBe(5);
		expect(count(plan, 101, 'terminating')).toBe(3);
		expect(count(plan, 120, 'running')).toBe(2);
		expect(plan.pods.filter((p) => lifecycle(p, 120) === 'running').map((p) => p.ordinal)).toEqual([
			0, 1,
		]);
	});

	it('keeps pods past capacity Pending without a node', () => {
		const plan = planDeployment(spec, [{at: 10, kind: 'scale', replicas: spec.capacity + 3}]);
		const pending = plan.pods.filter((p) => lifecycle(p, 500) === 'pending');
		expect(pending).toHaveLength(3);
		expect(pending.every((p) => p.node === null)).toBe(true);
	});
});
