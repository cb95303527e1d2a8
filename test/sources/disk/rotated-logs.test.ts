import {execFile} from 'node:child_process';
import {mkdir, mkdtemp, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runAction} from '../../../source/actions/run-action.ts';
import {deleteRotatedLogsAction} from '../../../source/sources/disk/rotated-logs.ts';
import {scan} from '../../../source/sources/disk/scan.ts';
import {walk} from '../../../source/sources/disk/walk.ts';
import {Timeline} from '../../../source/timeline/timeline.ts';

const run = promisify(execFile);
const day = 86_400_000;
let root: string;

/** A /var/log-like tree: rotated logs of various ages, live logs, a nested app directory. */
async function tree() {
	const files: [string, number, number][] = [
		// path, size, age in days
		['syslog', 40_000, 0],
		['syslog.1', 30_000, 1],
		['syslog.2.gz', 9_000, 2],
		['syslog.31.gz', 12_000, 31.2],
		['nginx/access.log', 80_000, 0],
		['nginx/access.log.30.gz', 15_000, 30.5],
		['nginx/access.log.45.gz', 20_000, 45],
		['nginx/error.log.60.gz', 5_000, 60],
		['nginx/old/archive 2024.gz', 7_000, 400],
		['app/.hidden.gz', 3_000, 90],
		['app/notes.gzip', 3_000, 90],
		['app/data/big.bin', 300_000, 0],
	];
	const now = Date.now();
	for (const [path, size, age] of files) {
		const full = join(root, path);
		await mkdir(join(full, '..'), {recursive: true});
		await writeFile(full, Buffer.alloc(size, 1));
		const when = new Date(now - age * day);
		await utimes(full, when, when);
	}
	// A directory named like a rotated log is not one.
	await mkdir(join(root, 'dir.gz'));
	const old = new Date(now - 90 * day);
	await utimes(join(root, 'dir.gz'), old, old);
}

async function find(): Promise<string[]> {
	const {stdout} = await run('find', [root, '-name', '*.gz', '-mtime', '+30', '-type', 'f']);
	return stdout.trim().split('\n').filter(Boolean).sort();
}

async function du(): Promise<Map<string, number>> {
	const {stdout} = await run('du', ['-B1', root]);
	return new Map(
		stdout
			.trim()
			.split('\n')
			.map((line) => {
				const [bytes = '', ...path] = line.split('\t');
				return [path.join('\t'), Number(bytes)] as const;
			}),
	);
}

const plan = () => ({paths: [root], rotatedLogs: root, rotatedDays: 30, budgetMs: 60_000});

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'irtop-disk-'));
	await tree();
});
afterEach(async () => {
	await rm(root, {recursive: true, force: true});
});

describe('rotated logs and directory sizes', () => {
	it('counts the files find -name "*.gz" -mtime +30 finds, and sizes directories as du does', async () => {
		const result = await scan(plan(), new AbortController().signal);
		const expected = await find();
		expect(expected.length).toBeGreaterThan(2);
		expect(result.found.files.map((f) => f.path).sort()).toEqual(expected);
		let bytes = 0;
		for (const path of expected) bytes += (await stat(path)).size;
		expect(result.rotated).toMatchObject({count: expected.length, bytes, complete: true});

		const sizes = await du();
		const [dirs] = result.directories;
		expect(dirs?.complete).toBe(true);
		expect(dirs?.largest[0]?.path).toBe(root);
		for (const dir of dirs?.largest ?? []) expect(dir.bytes, dir.path).toBe(sizes.get(dir.path));
	});

	it('deletes exactly those, shown as the runbook’s find, and records files and bytes freed', async () => {
		const {found} = await scan(plan(), new AbortController().signal);
		const action = deleteRotatedLogsAction(found);
		expect(action.command).toBe(`find ${root} -name "*.gz" -mtime +30 -delete`);
		expect(await action.checkPermission?.(new AbortController().signal)).toEqual({allowed: true});
		const before = await find();
		const bytes = found.files.reduce((sum, f) => sum + f.size, 0);
		const timeline = new Timeline();
		timeline.open({title: 'disk full', severity: 'P2', owner: '@oncall'});
		const outcome = await runAction(action, timeline, new AbortController().signal);
		expect(outcome).toEqual({
			ok: true,
			message: `deleted ${before.length} files, ${(bytes / 1024).toFixed(1)} KiB freed under ${root}`,
		});
		expect(await find()).toEqual([]);
		// Everything else is still there, the young .gz and the directory named .gz included.
		await expect(stat(join(root, 'syslog.2.gz'))).resolves.toBeDefined();
		await expect(stat(join(root, 'nginx/access.log.30.gz'))).resolves.toBeDefined();
		await expect(stat(join(root, 'dir.gz'))).resolves.toBeDefined();
		await expect(stat(join(root, 'app/notes.gzip'))).resolves.toBeDefined();
		const recorded = timeline.getSnapshot().events.at(-1);
		expect(recorded?.data).toMatchObject({action: 'delete-rotated-logs', ok: true});
		expect(recorded?.text).toContain(`deleted ${before.length} files`);
	});

	it('leaves a file alone that was replaced since the scan, and says when nothing is left', async () => {
		const {found} = await scan(plan(), new AbortController().signal);
		const replaced = join(root, 'nginx/access.log.45.gz');
		await rm(replaced);
		await writeFile(replaced, 'a fresh file under the old name');
		const old = new Date(Date.now() - 45 * day);
		await utimes(replaced, old, old);
		const outcome = await deleteRotatedLogsAction(found).run(new AbortController().signal);
		expect(outcome.message).toMatch(new RegExp(`^deleted ${found.files.length - 1} files`));
		await expect(stat(replaced)).resolves.toBeDefined();

		const {found: after} = await scan(plan(), new AbortController().signal);
		const none = deleteRotatedLogsAction({
			...after,
			files: after.files.filter((f) => f.path !== replaced),
		});
		expect(await none.checkPermission?.(new AbortController().signal)).toEqual({
			allowed: false,
			reason: `no *.gz older than 30 days under ${root}`,
		});
	});

	it('stops at its time budget with what it has, marked partial', async () => {
		let clock = 0;
		// Each reading of the clock moves it on a second: a 3-second budget ends after a few batches.
		const result = await walk(root, {budgetMs: 3000, now: () => (clock += 1000)});
		expect(result.complete).toBe(false);
		const whole = await walk(root, {budgetMs: 60_000});
		expect(whole.complete).toBe(true);
		expect(result.sizes.get(root) ?? 0).toBeLessThan(whole.sizes.get(root) ?? 0);
	});

	it('does not enter another filesystem mounted below the path (du -x, find -xdev)', async () => {
		const mounted = join(root, 'nginx');
		const result = await scan(
			{...plan(), mounts: new Set(['/', root, mounted])},
			new AbortController().signal,
		);
		expect(result.found.files.map((f) => f.path).some((p) => p.startsWith(`${mounted}/`))).toBe(
			false,
		);
		expect(result.found.files.length).toBeGreaterThan(0);
		expect(result.directories[0]?.largest.map((d) => d.path)).not.toContain(mounted);
	});

	it('reports a path that does not exist instead of failing', async () => {
		const missing = join(root, 'nope');
		const result = await scan(
			{paths: [missing], rotatedLogs: missing, rotatedDays: 30, budgetMs: 1000},
			new AbortController().signal,
		);
		expect(result.directories[0]).toMatchObject({root: missing, error: 'ENOENT', largest: []});
		expect(result.rotated).toMatchObject({count: 0, error: 'ENOENT'});
	});
});
