// The esbuild options of the bundle, shared by scripts/build.mjs and the test
// that compares package.json's dependencies with what the bundle imports
// (test/dependencies.test.ts): both must see the same graph. TypeScript, run
// by Node 24's type stripping like the other scripts.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {BuildOptions, Plugin} from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

// Ink (and widest-line, wrap-ansi, cli-truncate under it) measures every line
// of the screen with string-width on every frame; source/format/text-width.ts
// answers the common case without grapheme segmentation and hands the rest to
// string-width itself, so it alone still imports the real package.
const textWidth = resolve(root, 'source/format/text-width.ts');
const textWidthForInk: Plugin = {
	name: 'text-width',
	setup(bundle) {
		bundle.onResolve({filter: /^string-width$/}, (args) =>
			args.importer === textWidth ? undefined : {path: textWidth},
		);
	},
};

export function bundleOptions(outdir: string): BuildOptions {
	const {version} = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
	return {
		absWorkingDir: root,
		entryPoints: {irtop: 'cli.tsx'},
		outdir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node22',
		jsx: 'automatic',
		minify: true,
		legalComments: 'linked',
		sourcemap: 'linked',
		chunkNames: 'chunks/[name]-[hash]',
		define: {
			IRTOP_VERSION: JSON.stringify(version),
			'process.env.NODE_ENV': '"production"',
		},
		// Ink imports react-devtools-core only when DEV=true; the package is not
		// installed, and marking it external would make the bundle fail at start.
		// @platformatic/kafka's wasm helpers read native.wasm beside their own file, which a bundle
		// does not have; their `bundled` entry carries the same wasm inline.
		alias: {
			'react-devtools-core': './scripts/stubs/react-devtools-core.js',
			'@platformatic/wasm-utils': '@platformatic/wasm-utils/bundled',
		},
		// CommonJS dependencies (pg, ioredis) call require(); give the ESM bundle one.
		banner: {
			js: "import {createRequire as __irtopRequire} from 'node:module'; const require = __irtopRequire(import.meta.url);",
		},
		plugins: [textWidthForInk],
		logLevel: 'warning',
	};
}
