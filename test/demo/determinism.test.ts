import {afterEach, describe, expect, it, vi} from 'vitest';
import {DemoWorld} from '../../source/demo/index.ts';
import {at, ms, onboardingApi, start, world} from './helpers.ts';

describe('demo determinism', () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it('gives the same data for the same start, interventions and time', () => {
		const a = world();
		const b = world();
		a.scale(onboardingApi, 5, ms(160));
		b.scale(onboardingApi, 5, ms(160));
		for (const t of [0, 45, 120, 165, 200, 900]) expect(at(a, t)).toEqual(at(b, t));
	});

	it('does not depend on the order of the questions', () => {
		const a = world();
		const b = world();
		const late = at(a, 200);
		at(a, 10);
		expect(at(b, 10)).toEqual(at(a, 10));
		expect(at(b, 200)).toEqual(late);
	});

	it('never asks Math.random', () => {
		const random = vi.spyOn(Math, 'random').mockImplementation(() => {
			throw new Error('Math.random used');
		});
		const w = new DemoWorld(start);
		w.restart(onboardingApi, ms(150));
		for (const t of [0, 100, 160, 240]) at(w, t);
		expect(random).not.toHaveBeenCalled();
	});

	it('moves a little between two polls', () => {
		const w = world();
		const [first, second] = [at(w, 10), at(w, 12)];
		expect(second.prometheus).not.toEqual(first.prometheus);
		expect(second.kafka).not.toEqual(first.kafka);
		expect(second.redis).not.toEqual(first.redis);
		const errors = (d: typeof first) => d.prometheus.services[0]?.errorRatio ?? 0;
		// A little: jitter, not a jump.
		expect(Math.abs(errors(second) - errors(first))).toBeLessThan(0.002);
	});

	it('depends on the interventions recorded, not on when they were recorded', () => {
		const a = world();
		const b = world();
		a.restart(onboardingApi, ms(200));
		a.scale({namespace: 'platform-ingress', name: 'api-gateway'}, 3, ms(100));
		b.scale({namespace: 'platform-ingress', name: 'api-gateway'}, 3, ms(100));
		b.restart(onboardingApi, ms(200));
		expect(at(a, 230)).toEqual(at(b, 230));
	});
});
