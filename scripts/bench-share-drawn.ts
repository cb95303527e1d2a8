// Sharing (issue 14), as a responder sees it: a note typed into A's dashboard → drawn on
// B's screen, p50/p99 over 100 notes, for two real irtops in pseudo-terminals on the demo:
// on the same host (one state directory: the journal) and across "hosts" (two state
// directories, one Redis, when IRTOP_SHARE_URL is set). The clock starts when the note's
// Enter is written to A's terminal and stops when B's terminal output holds the note's
// text, so it includes A's save (fsync), the path to B and B's next frame.
// scripts/bench-share.ts measures the data path alone.
// Run: scripts/with-node.sh npm run build && IRTOP_SHARE_URL=redis://127.0.0.1:PORT \
//   scripts/with-node.sh node scripts/bench-share-drawn.ts

import {type ChildProcess, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

const notes = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = (values: number[], q: number) =>
	[...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))] ??
	0;

interface Screen {
	readonly child: ChildProcess;
	/** The terminal's rows as drawn now (a headless xterm replays irtop's output). */
	rows(): string[];
	write(text: string): void;
}

const columns = 120;
const lines = 40;

function dashboard(args: string, env: NodeJS.ProcessEnv): Screen {
	const child = spawn(
		'script',
		[
			'-qfec',
			`stty cols ${columns} rows ${lines}; exec ${process.execPath} dist/irtop.js ${args}`,
			'/dev/null',
		],
		{env: {...process.env, TERM: 'xterm-256color', ...env}, stdio: ['pipe', 'pipe', 'ignore']},
	);
	// Ink rewrites only the cells that changed, so the raw output never holds a row whose
	// start did not change: what is on the screen is what a terminal makes of it.
	const terminal = new Terminal({cols: columns, rows: lines, allowProposedApi: true});
	child.stdout?.on('data', (chunk: Buffer) => terminal.write(chunk));
	return {
		child,
		rows: () => {
			const buffer = terminal.buffer.active;
			const rows: string[] = [];
			for (let y = 0; y < lines; y++)
				rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
			return rows;
		},
		write: (text) => child.stdin?.write(text),
	};
}

async function waitFor(screen: Screen, text: string, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!screen.rows().some((row) => row.includes(text))) {
		if (Date.now() > deadline)
			throw new Error(`"${text}" never appeared; the screen:\n${screen.rows().join('\n')}`);
		await sleep(2);
	}
}

async function typeSlowly(screen: Screen, keys: string[]) {
	for (const key of keys) {
		screen.write(key);
		await sleep(150);
	}
}

const newest = (stateHome: string) =>
	readdirSync(join(stateHome, 'irtop', 'incidents'))
		.filter((f) => f.endsWith('.jsonl'))
		.sort()
		.at(-1)
		?.replace(/\.jsonl$/, '') ?? '';

async function measure(label: string, shareUrl: string | undefined): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'irtop-bench-drawn-'));
	const home = (name: string) => ({
		XDG_STATE_HOME: join(work, shareUrl ? name : 'shared', 'state'),
		XDG_CONFIG_HOME: join(work, name),
		USER: name,
		IRTOP_SHARE_URL: shareUrl ?? '',
	});
	const a = dashboard('--demo --incident "bench drawn" --severity P2', home('alice'));
	const screens = [a];
	try {
		await waitFor(a, 'bench drawn', 30_000);
		if (shareUrl) await waitFor(a, 'sharing: online', 30_000);
		const id = newest(home('alice').XDG_STATE_HOME);
		const b = dashboard(`join ${id} --demo`, home('bob'));
		screens.push(b);
		await waitFor(b, 'bench drawn', 30_000);
		if (shareUrl) await waitFor(b, 'sharing: online', 30_000);
		// B shows the timeline zoomed, newest last, so a new note is drawn at once.
		await typeSlowly(b, [':', 'timeline', '\r', 'z']);
		await sleep(1000);
		const measured: number[] = [];
		for (let i = 0; i < notes; i++) {
			const text = `drawn-${label}-${String(i).padStart(3, '0')}`;
			await typeSlowly(a, ['n', text]);
			const sent = performance.now();
			a.write('\r');
			await waitFor(b, text, 10_000);
			measured.push(performance.now() - sent);
			await sleep(100);
		}
		console.log(
			`${label}: note typed in A → drawn in B p50 ${pick(measured, 0.5).toFixed(0)} ms, p99 ${pick(measured, 0.99).toFixed(0)} ms, max ${Math.max(...measured).toFixed(0)} ms (${notes} notes)`,
		);
	} finally {
		for (const s of screens) {
			// irtop first (script's child), then script itself.
			spawnSync('pkill', ['-KILL', '-P', String(s.child.pid)]);
			s.child.kill('SIGKILL');
		}
		await sleep(200);
		rmSync(work, {recursive: true, force: true});
	}
}

await measure('same host', undefined);
const url = process.env.IRTOP_SHARE_URL;
if (url) await measure('via Redis', url);
else console.log('via Redis: set IRTOP_SHARE_URL to a Redis to measure it');
