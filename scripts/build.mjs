// Bundles cli.tsx into dist/ so that start-up over SSH parses one file
// instead of resolving hundreds of modules. Code that only some runs need
// (the demo, each backend's client) is split into chunks loaded on demand.
import {rmSync} from 'node:fs';
import {resolve} from 'node:path';
import {build} from 'esbuild';
import {bundleOptions, root} from './build-options.ts';

// --outdir=DIR: elsewhere than dist/ (a benchmark's own copy, safe from a concurrent rebuild).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice(9) ?? 'dist';
rmSync(resolve(root, outdir), {recursive: true, force: true});
const started = performance.now();
await build(bundleOptions(outdir));
if (!process.argv.includes('--quiet'))
	console.log(`built ${outdir}/irtop.js in ${Math.round(performance.now() - started)} ms`);
