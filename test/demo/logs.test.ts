import {describe, expect, it} from 'vitest';
import {demoPodLogs} from '../../source/demo/logs.ts';

describe('demo pod logs', () => {
	it('start with the last 100 lines; the incident API pods log pool timeouts', () => {
		const api = demoPodLogs(
			{namespace: 'business-onboarding', name: 'onboarding-api-x-1'},
			false,
			() => {},
			() => 1e12,
		);
		api.stop();
		expect(api.lines).toHaveLength(100);
		expect(api.received).toBe(100);
		expect(api.lines.some((l) => l.includes('ERROR db: acquire connection: timeout'))).toBe(true);
		const calm = demoPodLogs(
			{namespace: 'payments', name: 'payments-api-1'},
			false,
			() => {},
			() => 1e12,
		);
		calm.stop();
		expect(calm.lines.some((l) => l.includes('ERROR'))).toBe(false);
	});

	it('follow adds lines and tells the view; the previous container has ended with its last words', async () => {
		let told = 0;
		const view = demoPodLogs({namespace: 'a', name: 'b'}, false, () => told++);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		view.stop();
		expect(told).toBeGreaterThanOrEqual(1);
		expect(view.received).toBe(100 + told);
		const previous = demoPodLogs({namespace: 'a', name: 'b'}, true, () => {});
		expect(previous.ended).toBe(true);
		expect(previous.lines.at(-1)).toContain('FATAL');
	});
});
