// What the benchmarks that run the real dashboard share: irtop in a pseudo-terminal through
// util-linux `script` (no native module), the node process under it, its CPU and memory from /proc,
// and min/median/max of repeated figures.
import {type ChildProcessByStdio, execFileSync, spawn} from 'node:child_process';
import {copyFileSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Readable, Writable} from 'node:stream';
import {setTimeout as sleep} from 'node:timers/promises';

export const root = new URL('..', import.meta.url).pathname;
export const bin = join(root, 'bin/irtop.js');

/**
 * The bin and a bundle of the working tree of its own in `dir` (dir/bin/irtop.js, dir/dist/),
 * so that a long benchmark is safe from someone rebuilding dist/ meanwhile.
 */
export function privateBin(dir: string): string {
	execFileSync(
		process.execPath,
		[join(root, 'scripts/build.mjs'), `--outdir=${join(dir, 'dist')}`, '--quiet'],
		{
			stdio: 'inherit',
		},
	);
	mkdirSync(join(dir, 'bin'), {recursive: true});
	copyFileSync(bin, join(dir, 'bin/irtop.js'));
	return join(dir, 'bin/irtop.js');
}

export interface Stats {
	min: number;
	median: number;
	max: number;
}

export function stats(values: readonly number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		min: sorted[0] ?? Number.NaN,
		median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
		max: sorted.at(-1) ?? Number.NaN,
	};
}

export const fmt = (s: Stats, unit: string, digits = 0): string =>
	`min ${s.min.toFixed(digits)} ${unit} · median ${s.median.toFixed(digits)} ${unit} · max ${s.max.toFixed(digits)} ${unit}`;

/** The value at quantile q (0..1) of unsorted values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * The variables and V8 flags of the bin's first line (`#!/usr/bin/env -S NAME=VALUE node --flag`):
 * a run under `node FLAGS` gets the variables all the same.
 */
export function shebang(program = bin): {env: Record<string, string>; flags: string} {
	const words = (readFileSync(program, 'utf8').split('\n', 1)[0] ?? '').split(' ');
	const env: Record<string, string> = {};
	for (const word of words) {
		const match = /^([A-Z_]+)=(.*)$/.exec(word);
		if (match?.[1] && match[2] !== undefined) env[match[1]] = match[2];
	}
	return {env, flags: words.filter((word) => word.startsWith('--')).join(' ')};
}

export interface PtyOptions {
	columns?: number;
	rows?: number;
	args?: readonly string[];
	/** Added to (or, when undefined, removed from) the environment. */
	env?: Record<string, string | undefined>;
	/** V8 flags; the bin then runs under `node FLAGS` instead of its own shebang. */
	nodeFlags?: string;
	/** Another copy of the bin (privateBin). */
	bin?: string;
}

export interface PtyRun {
	child: ChildProcessByStdio<Writable, Readable, null>;
	/** Bytes irtop has written to the terminal so far. */
	output: {bytes: number};
	stop(): Promise<void>;
}

/** Starts irtop in a pseudo-terminal of the given size; counts what it writes. */
export function startInPty({
	columns = 120,
	rows = 40,
	args = ['--demo'],
	env = {},
	nodeFlags = '',
	bin: program = bin,
}: PtyOptions): PtyRun {
	// The bin runs as a user's shell runs it (its shebang applies) unless flags are being tried.
	const node = nodeFlags ? `node ${nodeFlags} ` : '';
	const command = `stty cols ${columns} rows ${rows}; exec ${node}${program} ${args.join(' ')}`;
	const environment: NodeJS.ProcessEnv = {
		...process.env,
		...(nodeFlags ? shebang(program).env : {}),
		TERM: 'xterm-256color',
	};
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) delete environment[name];
		else environment[name] = value;
	}
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		stdio: ['pipe', 'pipe', 'inherit'],
		env: environment,
	});
	// A key written after irtop is gone is dropped, not an uncaught EPIPE.
	child.stdin.on('error', () => {});
	const output = {bytes: 0};
	child.stdout.on('data', (chunk: Buffer) => {
		output.bytes += chunk.length;
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	return {
		child,
		output,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.stdin.write('q');
			const done = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
			if (!done) child.kill('SIGKILL');
		},
	};
}

/** The node process under `script`, for /proc readings. */
export async function nodePid(scriptPid: number): Promise<number> {
	for (let i = 0; i < 100; i++) {
		try {
			const children = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8')
				.trim()
				.split(/\s+/)
				.filter(Boolean);
			for (const pid of children) {
				const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
				if (cmdline.includes('irtop')) return Number(pid);
			}
		} catch {}
		await sleep(20);
	}
	throw new Error('irtop process not found');
}

/** User + system CPU time of a process, in clock ticks (1/100 s). */
export function cpuTicks(pid: number): number {
	const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** A memory line of /proc/PID/status in MiB: VmRSS (now) or VmHWM (peak so far). */
export function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith(field));
	return Number(line?.split(/\s+/)[1]) / 1024;
}
