// `irtop snapshot --json`'s disk key, from the host (a real run) and from the demo's VPS.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.ts';

async function snapshot(argv: string[], env: NodeJS.ProcessEnv) {
	let out = '';
	let err = '';
	const stream = (write: (s: string) => void) =>
		({
			isTTY: false,
			write: (s: string) => {
				write(s);
				return true;
			},
		}) as unknown as NodeJS.WriteStream;
	const code = await main({
		argv: ['snapshot', '--json', ...argv],
		env,
		stdout: stream((s) => {
			out += s;
		}),
		stderr: stream((s) => {
			err += s;
		}),
		version: '0.0.0-test',
	});
	return {code, err, doc: JSON.parse(out || 'null')};
}

const filesystemKeys = [
	'availBytes',
	'device',
	'fstype',
	'inodesUsedPercent',
	'mount',
	'sizeBytes',
	'usedBytes',
	'usedPercent',
];

describe('snapshot --json disk', () => {
	it('has the host’s filesystems beside the configured sources, with the documented fields', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-snap-disk-'));
		const file = join(home, 'config.yaml');
		// Prometheus on a port nobody listens on: a real run whose PVC section says why it is empty.
		writeFileSync(
			file,
			`prometheus:\n  url: http://127.0.0.1:9\ndisk:\n  paths: [${home}]\n  rotatedLogs: ${home}\n`,
		);
		const {code, err, doc} = await snapshot(['--config', file], {
			HOME: home,
			XDG_CONFIG_HOME: home,
		});
		expect(err).toBe('');
		expect(code).toBe(0);
		expect(doc.sources.disk.state).toBe('ok');
		expect(doc.disk.filesystems.length).toBeGreaterThan(0);
		for (const row of doc.disk.filesystems) expect(Object.keys(row).sort()).toEqual(filesystemKeys);
		expect(doc.disk.pvcs).toBeNull();
		expect(typeof doc.disk.pvcsError).toBe('string');
	});

	it('has the demo VPS’s filesystems and PVCs', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-snap-demo-'));
		const {code, doc} = await snapshot(['--demo'], {HOME: home, XDG_CONFIG_HOME: home});
		expect(code).toBe(0);
		expect(doc.disk.filesystems.map((f: {mount: string}) => f.mount)).toContain('/');
		for (const row of doc.disk.filesystems) expect(Object.keys(row).sort()).toEqual(filesystemKeys);
		expect(Object.keys(doc.disk.pvcs[0]).sort()).toEqual([
			'capacityBytes',
			'name',
			'namespace',
			'usedBytes',
			'usedPercent',
		]);
		expect(doc.disk.rotatedLogs).toMatchObject({root: '/var/log', olderThanDays: 30});
	});
});
