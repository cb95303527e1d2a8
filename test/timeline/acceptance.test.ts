// The acceptance, as a user: the real bundle in a pseudo-terminal
// (util-linux `script`), `n`, a note, Enter; kill -9; `--resume` shows the
// note on :timeline; `irtop export --format md` has it with the template.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'irtop-acceptance-'));
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
describe.skipIf(!hasScript && process.env.CI !== 'true')('acceptance in a real terminal', () => {
	it('n, note, Enter; kill -9; --resume shows it on :timeline; export has it', async () => {
		const first = terminal('--demo --incident drill --severity P1');
		await first.waitFor('drill');
		await first.type('n');
		await first.type('db pool at 48/50, restarting api');
		await first.type('\r');
		await first.waitFor('note saved');
		killNine(first.child);
		await new Promise((r) => first.child.once('exit', r));

		const dir = join(work, 'state', 'irtop', 'incidents');
		expect(readdirSync(dir).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);

		const second = terminal('--demo --resume');
		await second.waitFor('resumed');
		await second.type(':');
		await second.type('timeline');
		await second.type('\r');
		await second.type('z');
		await second.waitFor('db pool at 48/50, restarting api');
		killNine(second.child);
		await new Promise((r) => second.child.once('exit', r));

		const markdown = execFileSync(process.execPath, [bundle, 'export', '--format', 'md'], {
			env,
		}).toString();
		expect(markdown).toContain('# Incident Post-Mortem: drill');
		expect(markdown).toContain('**Severity:** P1');
		expect(markdown).toMatch(/\*\*Duration:\*\* \d+ s \(ongoing\)/);
		expect(markdown).toContain('db pool at 48/50, restarting api');
		for (const section of [
			'Summary',
			'Timeline',
			'Root Cause',
			'Impact',
			'Resolution',
			'Action Items',
			'Lessons Learned',
		])
			expect(markdown).toContain(`\n## ${section}\n`);
		expect(existsSync(dir)).toBe(true);
		expect(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')).toContain('restarting api');
	}, 60_000);

	it('a dropped SSH session (SIGHUP) keeps the note and ends irtop', async () => {
		const run = terminal('--demo --incident "hangup drill" --severity P2');
		await run.waitFor('hangup drill');
		await run.type('n');
		await run.type('written just before the hangup');
		await run.type('\r');
		await run.waitFor('note saved');
		signal(run.child, 'SIGHUP');
		await new Promise((r) => run.child.once('exit', r));
		const markdown = execFileSync(process.execPath, [bundle, 'export', '--format', 'md'], {
			env,
		}).toString();
		expect(markdown).toContain('# Incident Post-Mortem: hangup drill');
		expect(markdown).toContain('written just before the hangup');
	}, 30_000);
});
