import {describe, expect, it} from 'vitest';
import {Story} from '../../source/demo/story.ts';
import {seconds} from './helpers.ts';

describe('Story', () => {
	it('starts at rest and reaches the plateau within the compressed story', () => {
		const story = new Story(null);
		expect(story.pressure(0)).toBe(0);
		expect(story.pressure(29)).toBe(0);
		expect(story.pressure(90)).toBeGreaterThan(0.4);
		expect(story.pressure(150)).toBe(1);
		expect(story.pressure(3600)).toBe(1);
	});

	it('agrees with itself: above(level, t) is pressure(t) ≥ level', () => {
		for (const mitigatedAt of [null, 75, 180]) {
			const story = new Story(mitigatedAt);
			for (const value of [0.1, 0.5, 0.8, 0.95]) {
				for (const t of seconds(0, 300, 0.5)) {
					const p = story.pressure(t);
					if (Math.abs(p - value) < 1e-6) continue;
					expect(story.above(value, t), `level ${value} at ${t}s (mitigated ${mitigatedAt})`).toBe(
						p >= value,
					);
				}
			}
		}
	});

	it('drains after a mitigation and never comes back', () => {
		const story = new Story(180);
		expect(story.pressure(183)).toBe(1);
		expect(story.pressure(200)).toBeLessThan(1);
		expect(story.pressure(220)).toBe(0);
		expect(story.pressure(4000)).toBe(0);
		expect(story.fallAt(0.5)).toBeGreaterThan(184);
		expect(story.fallAt(0.5)).toBeLessThan(220);
	});

	it('never reaches a level that a quick mitigation cut off', () => {
		const story = new Story(60);
		expect(story.riseAt(0.8)).toBeNull();
		expect(story.fallAt(0.8)).toBeNull();
		expect(seconds(0, 400).some((t) => story.above(0.8, t))).toBe(false);
	});
});
