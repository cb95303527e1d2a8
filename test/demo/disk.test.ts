// The demo VPS's disks: the same shapes as the real source, and the two disk
// mitigations change the world the way the real ones change a host and a cluster.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {DemoWorld, demoMitigations} from '../../source/demo/index.ts';
import {start} from './helpers.ts';

describe('the demo’s disks', () => {
	let now = start;
	let w: DemoWorld;
	const signal = new AbortController().signal;

	beforeEach(() => {
		vi.useFakeTimers();
		now = start + 150_000;
		w = new DemoWorld(start, {now: () => now});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	const run = async (action: {run(signal: AbortSignal): Promise<unknown>}) => {
		const outcome = action.run(signal);
		await vi.runAllTimersAsync();
		return outcome;
	};

	it('has a root filesystem past 85 % with rotated logs to clean, and the cleanup frees them', async () => {
		const before = w.at(now).disk;
		const root = before.filesystems.find((f) => f.mount === '/');
		expect(root?.usedPercent).toBeGreaterThanOrEqual(85);
		expect(before.rotatedLogs?.count).toBeGreaterThan(0);
		const action = demoMitigations(w).deleteRotatedLogs?.();
		expect(action?.command).toBe('find /var/log -name "*.gz" -mtime +30 -delete');
		expect(await action?.checkPermission?.(signal)).toEqual({allowed: true});
		expect(await run(action!)).toMatchObject({
			ok: true,
			message: expect.stringMatching(/^deleted \d+ files/),
		});
		const after = w.at(now).disk;
		expect(after.rotatedLogs?.count).toBe(0);
		const freed = before.rotatedLogs?.bytes ?? 0;
		expect(after.filesystems.find((f) => f.mount === '/')?.usedBytes).toBe(
			(root?.usedBytes ?? 0) - freed,
		);
		expect(await demoMitigations(w).deleteRotatedLogs?.()?.checkPermission?.(signal)).toMatchObject(
			{
				allowed: false,
			},
		);
	});

	it('extends the expandable claim and says why the local one cannot grow', async () => {
		const pvcs = w.at(now).disk.pvcs ?? [];
		const pg = pvcs.find((p) => p.name === 'data-postgresql-0');
		const kafka = pvcs.find((p) => p.name === 'data-kafka-0');
		expect(pg?.usedPercent).toBeGreaterThanOrEqual(85);
		const grow = demoMitigations(w).extendPvc?.({namespace: pg!.namespace, name: pg!.name}, '20Gi');
		expect(await grow?.checkPermission?.(signal)).toEqual({allowed: true});
		await run(grow!);
		expect(w.at(now).disk.pvcs?.find((p) => p.name === pg?.name)?.capacityBytes).toBe(
			20 * 1024 ** 3,
		);
		const refused = demoMitigations(w).extendPvc?.(
			{namespace: kafka!.namespace, name: kafka!.name},
			'100Gi',
		);
		expect(await refused?.checkPermission?.(signal)).toEqual({
			allowed: false,
			reason: 'StorageClass local-fixed does not set allowVolumeExpansion',
		});
	});
});
