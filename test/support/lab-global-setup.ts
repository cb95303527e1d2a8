// Vitest globalSetup: brings the lab up once per test run when the machine is
// provisioned and the lab is not already running, and takes down only what it
// started. With the lab already up (npm run lab:up), it is left alone.
// IRTOP_LAB=off skips the lab entirely; IRTOP_LAB_KEEP=1 leaves it running.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {labPaths} from '../../scripts/lab/paths.ts';
import {missingProvisions} from '../../scripts/lab/provisioned.ts';
import {labServerUp, labState} from './lab.ts';

function cli(...args: string[]): boolean {
	const script = join(labPaths().root, 'scripts', 'lab', 'cli.ts');
	// Lab output goes to stderr so it never mixes with the reporter's stdout.
	const result = spawnSync(process.execPath, [script, ...args], {stdio: ['ignore', 2, 2]});
	return result.status === 0;
}

export default function setup(): (() => void) | undefined {
	if (process.env.IRTOP_LAB === 'off') return undefined;
	const ci = process.env.CI === 'true';
	const core = [
		'postgres',
		'redis',
		'exporter',
		'prometheus',
		'alertmanager',
		'kafka',
		'opensearch',
	];
	const state = labState();
	if (core.every((server) => labServerUp(state, server))) return undefined;
	const missing = missingProvisions(labPaths());
	if (missing.length > 0 && !ci) {
		process.stderr.write(
			`lab not provisioned (${missing.join(', ')}): lab tests will be skipped. Run: npm run lab:provision\n`,
		);
		return undefined;
	}
	const args = process.env.IRTOP_LAB_KAFKA39 === '0' ? ['up'] : ['up', '--kafka39'];
	if (!cli(...args)) {
		const message =
			'lab:up failed (see above); lab tests will fail under CI and be skipped locally';
		if (ci) throw new Error(message);
		process.stderr.write(`${message}\n`);
		return undefined;
	}
	return () => {
		if (process.env.IRTOP_LAB_KEEP !== '1') cli('down');
	};
}
