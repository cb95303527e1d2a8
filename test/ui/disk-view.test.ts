// The :disk view and the Alerts & health strip from plain disk data: df's
// columns, the 85 % highlight, PVC rows that the keys act on, and remote
// strings (mount points, claim names) that must not reach the terminal raw.
import {describe, expect, it} from 'vitest';
import type {DiskData, FilesystemRow} from '../../source/model/index.ts';
import {alertsPanel} from '../../source/ui/panels/alerts.ts';
import {diskPanel} from '../../source/ui/panels/disk.ts';
import {panelView} from '../support/panel-view.ts';

const now = Date.parse('2026-11-28T03:00:00Z');
const gib = 1024 ** 3;

function fs(mount: string, usedPercent: number, inodes = 10): FilesystemRow {
	return {
		mount,
		device: '/dev/vda1',
		fstype: 'ext4',
		sizeBytes: 100 * gib,
		usedBytes: usedPercent * gib,
		availBytes: (100 - usedPercent) * gib,
		usedPercent,
		inodesUsedPercent: inodes,
	};
}

function disk(fields: Partial<DiskData> = {}): DiskData {
	return {
		filesystems: [fs('/', 40)],
		directories: null,
		rotatedLogs: null,
		pvcs: null,
		...fields,
	};
}

describe('the Disk view', () => {
	it('shows df -h columns and highlights 85 % and more, of blocks or inodes', () => {
		const view = panelView(
			diskPanel,
			{disk: disk({filesystems: [fs('/', 84), fs('/data', 85), fs('/var', 20, 97), fs('/x', 96)]})},
			{now, width: 80},
		);
		expect(view.header).toMatch(/^MOUNTED ON +SIZE +USED +AVAIL USE% IUSE%/);
		expect(view.lines.map((l) => [l.key, l.tone])).toEqual([
			['fs:/', undefined],
			['fs:/data', 'warn'],
			['fs:/var', 'error'],
			['fs:/x', 'error'],
			['dirs:measuring', 'dim'],
		]);
		expect(view.lines[1]?.text).toMatch(/^\/data +100G +85G +15G +85% +10%/);
		expect(view.summary).toBe('3 of 4 filesystems ≥ 85%');
		expect(view.summaryTone).toBe('error');
		for (const line of view.lines) expect(line.text.length).toBeLessThanOrEqual(80);
	});

	it('shows a mount that does not answer as an error line, not as a missing row', () => {
		const view = panelView(
			diskPanel,
			{disk: disk({unreadable: [{mount: '/mnt/nfs', reason: 'no answer within 2 s'}]})},
			{now, width: 80},
		);
		const line = view.lines.find((l) => l.key === 'fs-unreadable:/mnt/nfs');
		expect(line?.text.trimEnd()).toBe('✗ /mnt/nfs: no answer within 2 s');
		expect(line?.tone).toBe('error');
	});

	it('lists PVCs fullest first, selectable for extension, and says why PVC use is unknown', () => {
		const pvcs = [
			{namespace: 'a', name: 'low', usedBytes: gib, capacityBytes: 10 * gib, usedPercent: 10},
			{namespace: 'b', name: 'full', usedBytes: 9 * gib, capacityBytes: 10 * gib, usedPercent: 90},
		];
		const view = panelView(diskPanel, {disk: disk({pvcs})}, {now, width: 80});
		const rows = view.lines.filter((l) => l.key.startsWith('pvc:'));
		expect(rows.map((l) => l.key)).toEqual(['pvc:heading', 'pvc:b/full', 'pvc:a/low']);
		expect(rows[1]?.selection).toEqual({
			kind: 'pvc',
			ref: {namespace: 'b', name: 'full'},
			capacityBytes: 10 * gib,
		});
		expect(rows[1]?.tone).toBe('warn');
		const down = panelView(
			diskPanel,
			{disk: disk({pvcsError: 'http://p:9090: ECONNREFUSED'})},
			{now, width: 80},
		);
		expect(down.lines.find((l) => l.key === 'pvc:error')?.text.trimEnd()).toBe(
			'PVCs: http://p:9090: ECONNREFUSED',
		);
	});

	it('shows the rotated logs and the largest directories with how fresh and whole they are', () => {
		const view = panelView(
			diskPanel,
			{
				disk: disk({
					rotatedLogs: {
						root: '/var/log',
						olderThanDays: 30,
						count: 3,
						bytes: 3 * 1024 ** 2,
						complete: true,
						measuredAt: now - 5000,
					},
					directories: [
						{
							root: '/var/log',
							largest: [{path: '/var/log', bytes: 2 * gib}],
							complete: false,
							measuredAt: now - 5000,
						},
					],
				}),
			},
			{now, width: 80},
		);
		const texts = view.lines.map((l) => l.text.trimEnd());
		expect(texts).toContain('Rotated logs: 3 *.gz older than 30 days under /var/log, 3.0 MiB');
		expect(texts).toContain('Largest under /var/log (partial, time budget reached · 5s ago)');
		expect(texts).toContain('   2.0G  /var/log');
	});

	it('strips control sequences from mount points and claim names', () => {
		const view = panelView(
			diskPanel,
			{
				disk: disk({
					filesystems: [fs('/mnt/\u001b[2Jevil', 90)],
					pvcs: [
						{
							namespace: 'n',
							name: 'x\u001b]0;t\u0007',
							usedBytes: 1,
							capacityBytes: 2,
							usedPercent: 50,
						},
					],
				}),
			},
			{now, width: 80},
		);
		for (const line of view.lines) {
			expect(line.text).not.toContain('\u001b');
			expect(line.text).not.toContain('\u0007');
		}
	});
});

describe('the Alerts & health strip', () => {
	it('flags a filesystem or PVC at 85 % and more, pointing at :disk', () => {
		const view = panelView(
			alertsPanel,
			{
				disk: disk({
					filesystems: [fs('/', 91), fs('/ok', 30), fs('/inodes', 10, 88)],
					pvcs: [
						{namespace: 'db', name: 'data', usedBytes: 96, capacityBytes: 100, usedPercent: 96},
					],
				}),
			},
			{now, width: 80},
		);
		expect(view.lines.map((l) => [l.text.trimEnd(), l.tone])).toEqual([
			['⚠ disk / 91% used (:disk)', 'warn'],
			['⚠ disk /inodes 88% inodes (:disk)', 'warn'],
			['⚠ pvc db/data 96% used (:disk)', 'error'],
		]);
		expect(view.summary).toBe('0 firing · 0 failing checks · 3 disks');
		expect(view.summaryTone).toBe('warn');
	});
});
