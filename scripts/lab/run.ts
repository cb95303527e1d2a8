// Runs a command to completion (for provisioning, initdb, Kafka's tools),
// capturing its output so a failure can quote it.
import {spawn} from 'node:child_process';

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly uid?: number;
	readonly gid?: number;
	readonly input?: string;
	readonly timeoutMs?: number;
	/** Do not throw on a non-zero exit. */
	readonly allowFailure?: boolean;
}

export interface RunResult {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

export function run(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			uid: options.uid,
			gid: options.gid,
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
			timeout: options.timeoutMs ?? 600_000,
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.once('error', (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
		child.once('close', (code, signal) => {
			const result = {code: code ?? (signal ? 128 : 1), stdout, stderr};
			if (result.code !== 0 && !options.allowFailure) {
				const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
				reject(
					new Error(
						`${command} ${args.join(' ')} exited with ${signal ?? code}\n${output}`.trimEnd(),
					),
				);
			} else {
				resolve(result);
			}
		});
		if (child.stdin) {
			// A child that exits without reading its input must not crash us with EPIPE.
			child.stdin.on('error', () => {});
			child.stdin.end(options.input);
		}
	});
}
