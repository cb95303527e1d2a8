// Types of build-options.mjs for the TypeScript that imports it (test/dependencies.test.ts).
import type {BuildOptions} from 'esbuild';

export const root: string;
export const version: string;
export const bundleOptions: BuildOptions;
export function distBuild(outdir: string): BuildOptions;
