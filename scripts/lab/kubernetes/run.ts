// Runs a command to completion and returns its output; the error names the
// command and carries the tail of its output, so a failed build explains itself.
import {spawn} from 'node:child_process';

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly signal?: AbortSignal;
	/** Receives each line of output as it arrives (long builds show progress). */
	readonly onLine?: (line: string) => void;
	readonly input?: string;
}

export function run(
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			signal: options.signal,
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		let output = '';
		let partial = '';
		const collect = (chunk: Buffer) => {
			const text = chunk.toString();
			output += text;
			if (options.onLine) {
				const lines = (partial + text).split('\n');
				partial = lines.pop() ?? '';
				for (const line of lines) options.onLine(line);
			}
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		if (options.input !== undefined) child.stdin?.end(options.input);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(output);
			else {
				const tail = output.trim().split('\n').slice(-30).join('\n');
				reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`));
			}
		});
	});
}
