// Bundles cli.tsx into dist/ so that start-up over SSH parses one file
// instead of resolving hundreds of modules. Code that only some runs need
// (the demo, each backend's client) is split into chunks loaded on demand.
// The options themselves are in build-options.mjs (the executables use them too).
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {build} from 'esbuild';
import {distBuild, root} from './build-options.mjs';

// --outdir=DIR: elsewhere than dist/ (a benchmark's own copy, safe from a concurrent rebuild).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice(9) ?? 'dist';
// Old chunks go; the single executables (dist/exe, scripts/build-exe.mjs) stay.
const out = resolve(root, outdir);
if (existsSync(out))
	for (const entry of readdirSync(out))
		if (entry !== 'exe') rmSync(join(out, entry), {recursive: true, force: true});
const started = performance.now();
await build(distBuild(outdir));
if (!process.argv.includes('--quiet'))
	console.log(`built ${outdir}/irtop.js in ${Math.round(performance.now() - started)} ms`);
