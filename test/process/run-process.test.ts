import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BoundedOutput} from '../../source/process/bounded-output.ts';
import {execArgv, startProcess} from '../../source/process/run-process.ts';
import {eventually, until} from '../support/eventually.ts';

const alive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('startProcess', () => {
	it('passes argv as it is: a value with shell syntax is one literal argument', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-proc-'));
		const sentinel = join(dir, 'x');
		const value = `; touch ${sentinel} $(touch ${sentinel}) \`touch ${sentinel}\``;
		const run = startProcess({argv: ['printf', '%s', value], timeoutMs: 5000});
		const result = await run.done;
		expect(result.exitCode).toBe(0);
		expect(result.output.text()).toBe(value);
		expect(existsSync(sentinel)).toBe(false);
	});

	it('in shell mode gives values to the script as $1, never as script text', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-proc-'));
		const sentinel = join(dir, 'x');
		const value = `$(touch ${sentinel})`;
		expect(execArgv({argv: ['echo "$1"', value], shell: true})).toEqual([
			'/bin/sh',
			'-c',
			'echo "$1"',
			'irtop',
			value,
		]);
		const result = await startProcess({
			argv: ['printf %s "$1"', value],
			shell: true,
			timeoutMs: 5000,
		}).done;
		expect(result.output.text()).toBe(value);
		expect(existsSync(sentinel)).toBe(false);
	});

	it('cancel kills the whole process group, the script and what it started', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-proc-'));
		const pidFile = join(dir, 'child.pid');
		const run = startProcess({
			argv: [`sleep 30 & echo $! > ${pidFile}; wait`],
			shell: true,
			timeoutMs: 60_000,
		});
		await until(
			async () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '',
			(written) => written,
			5000,
		);
		const child = Number(readFileSync(pidFile, 'utf8'));
		expect(alive(child)).toBe(true);
		run.cancel();
		const result = await run.done;
		expect(result.cancelled).toBe(true);
		expect(result.exitCode).toBeNull();
		expect(
			await eventually(
				async () => alive(child),
				(up) => !up,
			),
		).toBe(false);
	});

	it('a timeout kills the group too, and SIGKILLs what ignores SIGTERM', async () => {
		const run = startProcess(
			{argv: ["trap '' TERM; sleep 30"], shell: true, timeoutMs: 200},
			undefined,
			300,
		);
		const result = await run.done;
		expect(result.timedOut).toBe(true);
		expect(result.signal).toBe('SIGKILL');
	});

	it('a missing program is a result, not a throw', async () => {
		const result = await startProcess({argv: ['/nonexistent/irtop-x'], timeoutMs: 1000}).done;
		expect(result.spawnError).toBe('/nonexistent/irtop-x: command not found');
	});
});

describe('BoundedOutput', () => {
	it('keeps the last bytes', () => {
		const out = new BoundedOutput(10);
		out.push(Buffer.from('0123456789'));
		out.push(Buffer.from('abcde'));
		expect(out.text()).toBe('56789abcde');
		expect(out.dropped).toBe(5);
	});
});
