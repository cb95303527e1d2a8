// Issue 14, as two users on one host: two real irtop bundles in pseudo-terminals
// (util-linux `script`) on one incident, one started with --incident, the other
// with --resume ID; each one's note shows on the other's :timeline within 1 s.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'irtop-shared-'));
const env = {
	...process.env,
	XDG_STATE_HOME: join(work, 'state'),
	XDG_CONFIG_HOME: work,
	TERM: 'xterm-256color',
};
const bundle = join(work, 'dist', 'irtop.js');
const hasScript = (() => {
	try {
		execFileSync('script', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const plain = (text: string) =>
	// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal sequences is the point
	text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]/g, '');

beforeAll(async () => {
	// Our own bundle in a temp dir: the shared dist/ may be rebuilt by others meanwhile.
	await build({
		absWorkingDir: root,
		entryPoints: {irtop: 'cli.tsx'},
		outdir: join(work, 'dist'),
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		jsx: 'automatic',
		define: {IRTOP_VERSION: '"test"', 'process.env.NODE_ENV': '"production"'},
		alias: {
			'react-devtools-core': './scripts/stubs/react-devtools-core.js',
			'@platformatic/wasm-utils': '@platformatic/wasm-utils/bundled',
		},
		banner: {
			js: "import {createRequire as __irtopRequire} from 'node:module'; const require = __irtopRequire(import.meta.url);",
		},
		logLevel: 'error',
	});
}, 60_000);
afterAll(() => rmSync(work, {recursive: true, force: true}));

function terminal(args: string) {
	const child = spawn(
		'script',
		['-qfec', `stty cols 100 rows 30; exec ${process.execPath} ${bundle} ${args}`, '/dev/null'],
		{env, stdio: ['pipe', 'pipe', 'pipe']},
	);
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

function signal(child: ChildProcess, name: NodeJS.Signals) {
	// script → irtop (exec'd by the shell): signal irtop itself.
	const pid = execFileSync('pgrep', ['-P', String(child.pid)])
		.toString()
		.trim()
		.split('\n')[0];
	process.kill(Number(pid), name);
}
// As a crash would.
const killNine = (child: ChildProcess) => signal(child, 'SIGKILL');

// Skipped only locally without util-linux `script`; under CI a missing `script` fails the test.
describe.skipIf(!hasScript && process.env.CI !== 'true')('two responders on one host', () => {
	it('a note typed in A is on B’s timeline within 1 s, and back; the export has both, in order', async () => {
		const a = terminal('--demo --incident "shared drill" --severity P1');
		await a.waitFor('shared drill');
		const dir = join(work, 'state', 'irtop', 'incidents');
		const id = readdirSync(dir)
			.find((f) => f.endsWith('.jsonl'))
			?.replace(/\.jsonl$/, '');
		const b = terminal(`--demo --resume ${id}`);
		await b.waitFor('resumed');
		for (const t of [a, b]) {
			await t.type(':');
			await t.type('timeline');
			await t.type('\r');
			await t.type('z');
		}
		try {
			for (const [from, to, text] of [
				[a, b, 'alice sees the pool at 48/50'],
				[b, a, 'bob restarts the report job'],
			] as const) {
				await from.type('n');
				await from.type(text);
				from.child.stdin?.write('\r');
				const typed = Date.now();
				await to.waitFor(text, 1000);
				expect(Date.now() - typed).toBeLessThan(1000);
			}
			const exported = () =>
				execFileSync(process.execPath, [bundle, 'export', id ?? '', '--format', 'json'], {
					env,
				}).toString();
			const json = JSON.parse(exported()) as {events: {text: string; author: string | null}[]};
			const notes = json.events.filter((e) => e.text.includes('alice') || e.text.includes('bob'));
			expect(notes.map((e) => e.text)).toEqual([
				'alice sees the pool at 48/50',
				'bob restarts the report job',
			]);
		} finally {
			killNine(a.child);
			killNine(b.child);
			await Promise.all([a, b].map((t) => new Promise((r) => t.child.once('exit', r))));
		}
	}, 60_000);
});
