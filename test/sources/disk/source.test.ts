// The Disk source as the scheduler sees it: df's rows on every poll, the
// directory walk in the background (told through `changed`), PVC use as a
// section state when Prometheus is away, and the cleanup offered only once
// something was counted.
import {mkdir, mkdtemp, rm, utimes, writeFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {DiskSource} from '../../../source/sources/disk/source.ts';
import {until} from '../../support/eventually.ts';

let root: string;
let source: DiskSource | undefined;
const signal = new AbortController().signal;

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'irtop-disk-source-'));
	await mkdir(join(root, 'app'));
	await writeFile(join(root, 'app', 'old.log.gz'), Buffer.alloc(2048, 1));
	const old = new Date(Date.now() - 40 * 86_400_000);
	await utimes(join(root, 'app', 'old.log.gz'), old, old);
});
afterEach(async () => {
	await source?.close();
	source = undefined;
	await rm(root, {recursive: true, force: true});
});

const config = () => ({paths: [root], rotatedLogs: root, rotatedDays: 30, budgetSeconds: 5});

describe('DiskSource', () => {
	it('answers with the filesystems at once and the measurements once the background scan is done', async () => {
		source = new DiskSource(config());
		let changes = 0;
		source.watch(() => {
			changes++;
		});
		const first = await source.poll(signal);
		expect(first.filesystems.length).toBeGreaterThan(0);
		expect(first.filesystems.some((f) => f.mount === '/')).toBe(true);
		expect(first.pvcs).toBeNull();
		const later = await until(
			() => source!.poll(signal),
			(d) => d.rotatedLogs !== null,
		);
		expect(changes).toBeGreaterThan(0);
		expect(later.rotatedLogs).toMatchObject({root, count: 1, bytes: 2048, complete: true});
		expect(later.directories?.[0]?.largest[0]?.path).toBe(root);
		expect(source.deleteRotatedLogs()?.command).toBe(
			`find ${root} -name "*.gz" -mtime +30 -delete`,
		);
	});

	it('keeps the host rows when Prometheus is down or answers garbage: PVC use carries the reason', async () => {
		// A port that was just free: nothing listens there.
		const probe = createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		const closed = (probe.address() as AddressInfo).port;
		await new Promise((resolve) => probe.close(resolve));
		source = new DiskSource(config(), {prometheusUrl: `http://127.0.0.1:${closed}`});
		const down = await source.poll(signal);
		expect(down.filesystems.length).toBeGreaterThan(0);
		expect(down.pvcs).toBeNull();
		expect(down.pvcsError).toMatch(
			new RegExp(`^http://127.0.0.1:${closed}/api/v1/query: ECONNREFUSED`),
		);
		await source.close();

		const garbage = createServer((_req, res) => res.end('<html>proxy error</html>'));
		await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
		const {port} = garbage.address() as AddressInfo;
		try {
			source = new DiskSource(config(), {prometheusUrl: `http://127.0.0.1:${port}`});
			const answer = await source.poll(signal);
			expect(answer.pvcsError).toContain('not JSON');
		} finally {
			garbage.closeAllConnections();
			garbage.close();
		}
	});

	it('reports an unreadable mount table as its error, not a crash', async () => {
		source = new DiskSource(config(), {mountinfo: join(root, 'missing')});
		await expect(source.poll(signal)).rejects.toThrow('cannot read the mount table: ENOENT');
	});

	it('lists a mount it cannot read with the reason, beside the ones it can', async () => {
		const mountinfo = join(root, 'mountinfo');
		await writeFile(
			mountinfo,
			[
				'27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
				`28 27 0:99 / ${root}/gone rw,relatime - nfs4 server:/export rw`,
			].join('\n'),
		);
		source = new DiskSource(config(), {mountinfo});
		const data = await source.poll(signal);
		expect(data.filesystems.map((f) => f.mount)).toEqual(['/']);
		expect(data.unreadable).toEqual([{mount: `${root}/gone`, reason: 'ENOENT'}]);
	});

	it('offers no cleanup before the first scan has counted anything', () => {
		source = new DiskSource(config(), {scanEveryMs: 60_000});
		expect(source.deleteRotatedLogs()).toBeNull();
	});
});
