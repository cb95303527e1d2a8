import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {dfHuman, dfPercent} from '../../../source/format/df.ts';
import {readFilesystems} from '../../../source/sources/disk/filesystems.ts';

const run = promisify(execFile);

/** df's own rows for the mounts it lists, keyed by mount point. */
async function df(): Promise<Map<string, string[]>> {
	const {stdout} = await run('df', [
		'-B1',
		'--output=source,fstype,size,used,avail,pcent,ipcent,target',
	]);
	const rows = new Map<string, string[]>();
	for (const line of stdout.trim().split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		// The mount point is the rest of the line (it may hold spaces).
		rows.set(fields.slice(7).join(' '), fields.slice(0, 7));
	}
	return rows;
}

async function dfHumanRows(): Promise<Map<string, string[]>> {
	const {stdout} = await run('df', ['-h', '--output=size,used,avail,target']);
	const rows = new Map<string, string[]>();
	for (const line of stdout.trim().split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		rows.set(fields.slice(3).join(' '), fields.slice(0, 3));
	}
	return rows;
}

/**
 * A live disk changes between two reads, so compare in a quiet moment: df,
 * irtop, df again, and only when both df runs agree must irtop agree too.
 */
async function quietly<T>(read: () => Promise<T>, reference: () => Promise<Map<string, string[]>>) {
	for (let attempt = 0; attempt < 20; attempt++) {
		const before = await reference();
		const ours = await read();
		const after = await reference();
		if (JSON.stringify([...before]) === JSON.stringify([...after])) return {ours, df: before};
	}
	throw new Error('the disks never stood still for one df run');
}

const percent = (value: number | null) => (value === null ? '-' : `${value}%`);

describe('host filesystems', () => {
	it('are the filesystems df lists, with df’s bytes, Use% and IUse%', async () => {
		const {ours, df: reference} = await quietly(() => readFilesystems(), df);
		expect(reference.size).toBeGreaterThan(0);
		expect(ours.rows.map((r) => r.mount).sort()).toEqual([...reference.keys()].sort());
		for (const row of ours.rows) {
			expect(
				[
					row.device,
					row.fstype,
					String(row.sizeBytes),
					String(row.usedBytes),
					String(row.availBytes),
					percent(row.usedPercent),
					percent(row.inodesUsedPercent),
				],
				row.mount,
			).toEqual(reference.get(row.mount));
		}
	});

	it('print sizes as df -h does', async () => {
		const {ours, df: reference} = await quietly(() => readFilesystems(), dfHumanRows);
		for (const row of ours.rows) {
			expect(
				[dfHuman(row.sizeBytes), dfHuman(row.usedBytes), dfHuman(row.availBytes)],
				row.mount,
			).toEqual(reference.get(row.mount));
		}
	});

	it('round percentages up and sizes up, as df does', () => {
		expect(dfPercent(841, 159)).toBe(85);
		expect(dfPercent(850, 150)).toBe(85);
		expect(dfPercent(0, 0)).toBeNull();
		expect(dfHuman(0)).toBe('0');
		expect(dfHuman(1023)).toBe('1023');
		expect(dfHuman(4096)).toBe('4.0K');
		expect(dfHuman(4097)).toBe('4.1K');
		expect(dfHuman(10 * 1024 - 1)).toBe('10K');
		expect(dfHuman(1024 * 1024 - 1)).toBe('1.0M');
		expect(dfHuman(18.2 * 1024 ** 3)).toBe('19G');
	});
});
