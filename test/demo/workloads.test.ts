import {describe, expect, it} from 'vitest';
import {DemoWorld} from '../../source/demo/world.ts';

const start = Date.parse('2026-11-28T03:00:00Z');
const postgresql = {
	kind: 'statefulset',
	namespace: 'platform-observability',
	name: 'postgresql',
} as const;

describe('demo StatefulSets and DaemonSets', () => {
	const sts = (world: DemoWorld, at: number) =>
		world.at(at).kubernetes.statefulsets?.find((s) => s.name === 'postgresql');

	it('postgresql is a StatefulSet beside a fluent-bit DaemonSet, rolled out', () => {
		const data = new DemoWorld(start).at(start + 60_000).kubernetes;
		expect(sts(new DemoWorld(start), start)).toMatchObject({
			desired: 1,
			ready: 1,
			rollout: 'complete',
		});
		expect(data.deployments.some((d) => d.name === 'postgresql')).toBe(false);
		expect(data.daemonsets?.[0]).toMatchObject({name: 'fluent-bit', desired: 3, ready: 3});
		expect(data.pods.some((p) => p.name === 'postgresql-0')).toBe(true);
	});

	it('a restart rolls out with a new revision, then completes', () => {
		const world = new DemoWorld(start);
		const before = sts(world, start + 100_000);
		expect(world.restartWorkload(postgresql, start + 100_000)).toEqual({
			ok: true,
			message: 'statefulset.apps/postgresql restarted',
		});
		expect(sts(world, start + 101_000)).toMatchObject({rollout: 'progressing', ready: 0});
		expect(sts(world, start + 200_000)).toMatchObject({
			rollout: 'complete',
			ready: 1,
			revision: (before?.revision ?? 0) + 1,
		});
	});

	it('a scale adds pods one at a time; unknown objects and bad counts are refused as kubectl does', () => {
		const world = new DemoWorld(start);
		expect(world.scaleStatefulSet(postgresql, 3, start).ok).toBe(true);
		expect(sts(world, start + 1000)).toMatchObject({desired: 3, rollout: 'progressing'});
		expect(sts(world, start + 120_000)).toMatchObject({desired: 3, ready: 3, rollout: 'complete'});
		expect(world.scaleStatefulSet(postgresql, -1).ok).toBe(false);
		expect(world.restartWorkload({...postgresql, name: 'nope'})).toEqual({
			ok: false,
			message: 'Error from server (NotFound): statefulsets.apps "nope" not found',
		});
	});
});

describe('demo Services without a ready endpoint', () => {
	it('are the deployments with no ready pod, since the moment the last one went', () => {
		const world = new DemoWorld(start);
		let seen = 0;
		for (let s = 0; s < 1200; s += 20) {
			const data = world.at(start + s * 1000).kubernetes;
			const down = new Set(data.deployments.filter((d) => d.ready === 0).map((d) => d.name));
			const services = data.servicesWithoutEndpoints ?? [];
			expect(new Set(services.map((x) => x.name))).toEqual(down);
			for (const service of services) {
				seen++;
				expect(service.since).toBeLessThanOrEqual(start + s * 1000);
				// Just before the onset, the deployment still had a ready pod.
				const before = world.at(service.since - 5000).kubernetes.deployments;
				expect(before.find((d) => d.name === service.name)?.ready).toBeGreaterThan(0);
			}
		}
		expect(seen).toBeGreaterThan(0);
	});
});
