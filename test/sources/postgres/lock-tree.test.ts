import {describe, expect, it} from 'vitest';
import {lockTree} from '../../../source/ui/panels/lock-tree.ts';

const b = (pid: number, blockedBy: number[], waitSeconds = 1) => ({
	pid,
	blockedBy,
	waitSeconds,
	query: `q${pid}`,
});

describe('the lock tree', () => {
	it('hangs each waiter under its blocker, a queue top to bottom, under the root holding the lock', () => {
		const rows = lockTree([
			b(12, [10, 11], 2),
			b(11, [10], 5),
			b(13, [10, 11, 12], 1),
			b(21, [20]),
		]);
		expect(rows.map((r) => [r.pid, r.depth, r.blocked ? 'waits' : 'holds'])).toEqual([
			[10, 0, 'holds'],
			[11, 1, 'waits'],
			[12, 2, 'waits'],
			[13, 3, 'waits'],
			[20, 0, 'holds'],
			[21, 1, 'waits'],
		]);
	});

	it('still shows every waiter when they block each other in a cycle', () => {
		const rows = lockTree([b(1, [2]), b(2, [1])]);
		expect(rows.map((r) => r.pid).sort()).toEqual([1, 2]);
	});
});
