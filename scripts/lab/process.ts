// Starting, recognising and stopping the lab's detached processes. A pid alone
// is not an identity (pids are reused after a crash or a reboot), so every
// record also carries the process' start time from /proc, and nothing is
// signalled unless both match.
import {spawn} from 'node:child_process';
import {closeSync, mkdirSync, openSync, readFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {StartedProcess} from './server.ts';

export interface ProcessRecord extends StartedProcess {
	/** Field 22 of /proc/<pid>/stat: clock ticks after boot when the process started. */
	readonly startTime: string;
}

export interface DetachedOptions {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
	readonly logFile: string;
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly uid?: number;
	readonly gid?: number;
	readonly stopSignal?: NodeJS.Signals;
}

/** Starts a process in its own session, output appended to logFile, not waited for. */
export async function spawnDetached(options: DetachedOptions): Promise<ProcessRecord> {
	mkdirSync(dirname(options.logFile), {recursive: true});
	const log = openSync(options.logFile, 'a');
	try {
		const child = spawn(options.command, options.args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			detached: true,
			stdio: ['ignore', log, log],
			uid: options.uid,
			gid: options.gid,
		});
		await new Promise<void>((resolve, reject) => {
			child.once('spawn', resolve);
			child.once('error', (error) =>
				reject(new Error(`${options.name}: cannot run ${options.command}: ${error.message}`)),
			);
		});
		child.unref();
		const pid = child.pid;
		if (pid === undefined) throw new Error(`${options.name}: no pid for ${options.command}`);
		return {
			name: options.name,
			pid,
			startTime: processStartTime(pid) ?? '',
			...(options.stopSignal ? {stopSignal: options.stopSignal} : {}),
		};
	} finally {
		closeSync(log);
	}
}

function procStat(pid: number): string[] | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces: split after its closing parenthesis.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return undefined;
	}
}

export function processStartTime(pid: number): string | undefined {
	return procStat(pid)?.[19];
}

/** True when the recorded process still runs (and is not a zombie). */
export function isAlive(record: Pick<ProcessRecord, 'pid' | 'startTime'>): boolean {
	const stat = procStat(record.pid);
	if (!stat || stat[0] === 'Z') return false;
	return record.startTime === '' || stat[19] === record.startTime;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops a recorded process: its stop signal, then SIGKILL to its whole process group. */
export async function stopProcess(record: ProcessRecord, timeoutMs = 15_000): Promise<boolean> {
	if (!isAlive(record)) return false;
	try {
		process.kill(record.pid, record.stopSignal ?? 'SIGTERM');
	} catch {
		return false;
	}
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive(record)) return true;
		await sleep(100);
	}
	try {
		process.kill(-record.pid, 'SIGKILL');
	} catch {
		process.kill(record.pid, 'SIGKILL');
	}
	return true;
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
	try {
		const text = readFileSync(file, 'utf8').trimEnd();
		return text.split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}
