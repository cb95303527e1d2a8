// `lab:up --only kubernetes` from nothing: a lab directory that does not exist
// yet, no other server started first to create its logs folder. Its own state
// directory and ports, so it runs beside the shared lab.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {labPaths} from '../../scripts/lab/paths.ts';
import {missingProvisions} from '../../scripts/lab/provisioned.ts';

const parent = mkdtempSync(join(tmpdir(), 'irtop-lab-only-'));
const labDir = join(parent, 'lab');
const env = {
	...process.env,
	IRTOP_LAB_DIR: labDir,
	IRTOP_LAB_PORT_APISERVER: '21443',
	IRTOP_LAB_PORT_KINE: '17379',
	IRTOP_LAB_PORT_METRICS: '21444',
	IRTOP_LAB_PORT_KUBELET: '21450',
};
const cli = (...args: string[]) =>
	spawnSync(process.execPath, [join(labPaths().root, 'scripts', 'lab', 'cli.ts'), ...args], {
		env,
		encoding: 'utf8',
		timeout: 240_000,
	});

// Locally an unprovisioned machine skips; under CI=true the provision must be there.
const provisioned = process.env.CI === 'true' || missingProvisions(labPaths()).length === 0;

afterAll(() => {
	if (existsSync(join(labDir, 'state.json'))) cli('down');
	rmSync(parent, {recursive: true, force: true});
});

describe.runIf(provisioned)('lab:up --only', () => {
	it('starts only kubernetes in a lab directory that did not exist, and lab:down removes it', () => {
		expect(existsSync(labDir)).toBe(false);
		const up = cli('up', '--only', 'kubernetes');
		expect(up.stderr + up.stdout).not.toContain('ENOENT');
		expect(up.status, up.stderr).toBe(0);
		const state = JSON.parse(readFileSync(join(labDir, 'state.json'), 'utf8'));
		expect(Object.keys(state.servers)).toEqual(['kubernetes']);
		expect(state.servers.kubernetes.ready).toBe(true);
		expect(readFileSync(join(labDir, 'env'), 'utf8')).toContain('KUBECONFIG=');
		const down = cli('down');
		expect(down.status, down.stderr).toBe(0);
		expect(existsSync(labDir)).toBe(false);
	}, 300_000);
});
