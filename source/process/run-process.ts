import {spawn} from 'node:child_process';
import {BoundedOutput} from './bounded-output.ts';

/**
 * How a configured check or action is started. `argv` is passed to execve as
 * it is: no shell sees it unless `shell` is asked for, and then only the
 * script (argv[0]) is shell text; the other elements are its positional
 * parameters ($1 …), so a value from a cluster or a prompt is never parsed.
 */
export interface ProcessSpec {
	readonly argv: readonly string[];
	readonly shell?: boolean;
	readonly cwd?: string;
	/** Added to (and overriding) irtop's own environment. */
	readonly env?: Readonly<Record<string, string>>;
	readonly timeoutMs: number;
	/** Bytes of output kept (the last ones). */
	readonly outputLimit?: number;
	/** Values the output never shows (the env's secrets): replaced by ***. */
	readonly secrets?: readonly string[];
}

export interface ProcessResult {
	/** null when it was killed or could not start. */
	readonly exitCode: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly timedOut: boolean;
	readonly cancelled: boolean;
	/** Why it could not start (ENOENT …), else null. */
	readonly spawnError: string | null;
	readonly durationMs: number;
	readonly output: BoundedOutput;
}

export interface RunningProcess {
	readonly pid: number | undefined;
	readonly output: BoundedOutput;
	readonly done: Promise<ProcessResult>;
	/** SIGTERM to the whole group, SIGKILL `graceMs` later if anything is left. */
	cancel(): void;
}

/** The argv execve gets: `/bin/sh -c SCRIPT irtop ARGS…` in shell mode ($0 is "irtop"). */
export function execArgv(spec: Pick<ProcessSpec, 'argv' | 'shell'>): readonly string[] {
	if (!spec.shell) return spec.argv;
	const [script = '', ...rest] = spec.argv;
	return ['/bin/sh', '-c', script, 'irtop', ...rest];
}

export const killGraceMs = 5000;

const signalGroup = (pid: number | undefined, signal: NodeJS.Signals): void => {
	if (pid === undefined) return;
	try {
		// Negative: the process group. A script's children (sleep, curl) go too.
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
};

/**
 * Starts a process in a process group of its own, so a timeout or a cancel
 * reaches everything it started, not only the shell. Never throws: a command
 * that cannot start is a result with `spawnError`.
 */
export function startProcess(
	spec: ProcessSpec,
	onOutput?: () => void,
	graceMs = killGraceMs,
): RunningProcess {
	const started = performance.now();
	const output = new BoundedOutput(spec.outputLimit, spec.secrets);
	const [file = '', ...args] = execArgv(spec);
	const child = spawn(file, args, {
		cwd: spec.cwd,
		env: {...process.env, ...spec.env},
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let timedOut = false;
	let cancelled = false;
	let spawnError: string | null = null;
	let killTimer: ReturnType<typeof setTimeout> | undefined;
	const terminate = () => {
		signalGroup(child.pid, 'SIGTERM');
		killTimer ??= setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
	};
	const timer = setTimeout(() => {
		timedOut = true;
		terminate();
	}, spec.timeoutMs);
	const take = (chunk: Buffer) => {
		output.push(chunk);
		onOutput?.();
	};
	child.stdout?.on('data', take);
	child.stderr?.on('data', take);
	const done = new Promise<ProcessResult>((resolve) => {
		const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
			clearTimeout(timer);
			// The leader is gone; whatever it left in its group still gets the SIGKILL.
			if (killTimer === undefined && (timedOut || cancelled)) signalGroup(child.pid, 'SIGKILL');
			resolve({
				exitCode,
				signal,
				timedOut,
				cancelled,
				spawnError,
				durationMs: performance.now() - started,
				output,
			});
		};
		child.on('error', (error: NodeJS.ErrnoException) => {
			spawnError = `${file}: ${error.code === 'ENOENT' ? 'command not found' : error.code === 'EACCES' ? 'permission denied' : error.message}`;
			finish(null, null);
		});
		// 'close' waits for the pipes: a grandchild holding them open still counts as running.
		child.on('close', (code, signal) => finish(code, signal));
	});
	void done.then(() => {
		if (killTimer !== undefined) {
			// Keep the SIGKILL for a group that outlived its leader, but never keep irtop alive for it.
			killTimer.unref();
		}
	});
	return {
		pid: child.pid,
		output,
		done,
		cancel() {
			if (cancelled) return;
			cancelled = true;
			terminate();
		},
	};
}

/** A result in a few words: "exit 0", "exit 3", "timed out after 5 s", "cancelled". */
export function describeResult(result: ProcessResult, timeoutMs: number): string {
	if (result.spawnError) return result.spawnError;
	if (result.timedOut) return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
	if (result.cancelled) return 'cancelled';
	if (result.signal) return `killed by ${result.signal}`;
	return `exit ${result.exitCode}`;
}
