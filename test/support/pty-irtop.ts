// irtop's own bundle in a temp dir, run in real pseudo-terminals (util-linux
// `script`), for tests that type into the dashboard as a user does. Call once at
// a test file's top level: it builds in beforeAll and cleans up in afterAll.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, expect} from 'vitest';
import {distBuild} from '../../scripts/build-options.mjs';

export const hasScript = (() => {
	try {
		execFileSync('script', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The screen's text without terminal sequences. */
export const plain = (text: string) =>
	// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal sequences is the point
	text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]/g, '');

/** Signals irtop itself (script → irtop, exec'd by the shell). */
export function signal(child: ChildProcess, name: NodeJS.Signals) {
	const pid = execFileSync('pgrep', ['-P', String(child.pid)])
		.toString()
		.trim()
		.split('\n')[0];
	process.kill(Number(pid), name);
}

function killTree(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		signal(child, 'SIGKILL');
	} catch {
		// irtop already gone: pgrep found no child.
	}
	child.kill('SIGKILL');
}

/** As a crash would. */
export const killNine = (child: ChildProcess) => signal(child, 'SIGKILL');

export function ptyIrtop(prefix: string) {
	const work = mkdtempSync(join(tmpdir(), `irtop-${prefix}-`));
	const env = {
		...process.env,
		XDG_STATE_HOME: join(work, 'state'),
		XDG_CONFIG_HOME: work,
		TERM: 'xterm-256color',
	};
	const bundle = join(work, 'dist', 'irtop.js');
	// Our own bundle: the shared dist/ may be rebuilt by others meanwhile.
	beforeAll(async () => {
		await build({...distBuild(join(work, 'dist')), sourcemap: false, logLevel: 'error'});
	}, 60_000);
	// A test that fails half-way leaves its terminals behind; `script` outlives
	// the worker (its parent becomes init), so every one started is killed here,
	// irtop first, then `script` itself.
	const started: ChildProcess[] = [];
	afterAll(() => {
		for (const child of started) killTree(child);
		rmSync(work, {recursive: true, force: true});
	});

	function terminal(args: string, extraEnv: NodeJS.ProcessEnv = {}) {
		const child = spawn(
			'script',
			['-qfec', `stty cols 100 rows 30; exec ${process.execPath} ${bundle} ${args}`, '/dev/null'],
			{env: {...env, ...extraEnv}, stdio: ['pipe', 'pipe', 'pipe']},
		);
		started.push(child);
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		return {
			child,
			screen: () => plain(output),
			type: async (text: string) => {
				child.stdin?.write(text);
				await sleep(300);
			},
			async waitFor(text: string, ms = 10_000) {
				for (let waited = 0; waited < ms; waited += 100) {
					if (plain(output).includes(text)) return;
					await sleep(100);
				}
				throw new Error(`"${text}" never appeared:\n${plain(output).slice(-2000)}`);
			},
		};
	}
	return {work, env, bundle, terminal};
}

type Terminal = ReturnType<ReturnType<typeof ptyIrtop>['terminal']>;

/** The two-responder check: a note typed in A is drawn in B within 1 s, then the other way. */
export async function notesBothWays(a: Terminal, b: Terminal, texts: readonly [string, string]) {
	for (const [from, to, text] of [
		[a, b, texts[0]],
		[b, a, texts[1]],
	] as const) {
		await from.type('n');
		await from.type(text);
		from.child.stdin?.write('\r');
		const typed = Date.now();
		await to.waitFor(text, 1000);
		expect(Date.now() - typed).toBeLessThan(1000);
	}
}
