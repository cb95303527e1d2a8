// The exporter's cAdvisor counters: whole periods, the throttled share as set,
// counters that keep counting across a new list, and no label value that could
// break the exposition format.
import {expect, it} from 'vitest';
import {Cadvisor, parseThrottle} from '../../scripts/lab/exporter/cadvisor.ts';

const pod = {
	namespace: 'business-onboarding',
	pod: 'onboarding-api-1',
	container: 'onboarding-api',
};

it('counts 10 periods a second and the throttled share of them, with cAdvisor labels', () => {
	const c = new Cadvisor();
	c.set([{...pod, ratio: 0.4}]);
	c.tick(30);
	const lines = c.render().filter((l) => !l.startsWith('#'));
	expect(lines).toEqual([
		'container_cpu_cfs_periods_total{container="onboarding-api",image="",name="onboarding-api-1_onboarding-api",namespace="business-onboarding",pod="onboarding-api-1"} 300',
		'container_cpu_cfs_throttled_periods_total{container="onboarding-api",image="",name="onboarding-api-1_onboarding-api",namespace="business-onboarding",pod="onboarding-api-1"} 120',
	]);
	// A new list keeps a known container's counters (counters never go back) and drops the others.
	c.set([{...pod, ratio: 0.1}]);
	c.tick(10);
	expect(c.render().at(-1)).toMatch(/ 130$/);
	c.set([]);
	expect(c.render()).toEqual([]);
});

it('refuses entries that are not label values or ratios', () => {
	expect(parseThrottle([{...pod, ratio: 0.3}])).toEqual([{...pod, ratio: 0.3}]);
	expect(() => parseThrottle({})).toThrow('throttle must be a list');
	expect(() => parseThrottle([{...pod, ratio: 1.5}])).toThrow(
		'throttle[0].ratio must be a number between 0 and 1',
	);
	expect(() => parseThrottle([{...pod, pod: 'a"b', ratio: 0.3}])).toThrow(
		'throttle[0].pod must be a label value',
	);
	expect(() => parseThrottle([{...pod, container: '', ratio: 0.3}])).toThrow(
		'throttle[0].container must be a label value',
	);
});
