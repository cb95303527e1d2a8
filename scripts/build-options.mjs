// The esbuild options of irtop's bundle, shared by scripts/build.mjs (the
// bundle in dist/) and scripts/build-exe.mjs (the single executables), so
// that whatever the bundle carries, the executables carry too.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

// Ink (and widest-line, wrap-ansi, cli-truncate under it) measures every line
// of the screen with string-width on every frame; source/format/text-width.ts
// answers the common case without grapheme segmentation and hands the rest to
// string-width itself, so it alone still imports the real package.
const textWidth = resolve(root, 'source/format/text-width.ts');
const textWidthForInk = {
	name: 'text-width',
	setup(bundle) {
		bundle.onResolve({filter: /^string-width$/}, (args) =>
			args.importer === textWidth ? undefined : {path: textWidth},
		);
	},
};

// yoga-layout (Ink's layout engine) carries its WebAssembly as a data: URL and, where
// `fetch` exists, reads it through fetch: in Node that loads undici, Node's whole HTTP
// client, at every start (~40 ms of CPU on this machine) to decode the string that
// Emscripten's own fallback decodes in place, with the same bytes. The check is made
// false; a yoga-layout whose loader no longer has it fails the build instead of losing
// this quietly.
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(bundle) {
		bundle.onLoad(
			{filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/},
			(args) => {
				const source = readFileSync(args.path, 'utf8');
				const check = '"function"!=typeof fetch';
				if (!source.includes(check))
					throw new Error(`${args.path}: no \`${check}\` any more; see build-options.mjs`);
				return {contents: source.replaceAll(check, '!0'), loader: 'js'};
			},
		);
	},
};

export const {version} = JSON.parse(
	readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
	absWorkingDir: root,
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	jsx: 'automatic',
	minify: true,
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
	plugins: [textWidthForInk, yogaWithoutFetch],
	logLevel: 'warning',
};

/**
 * The whole build of dist/ (scripts/build.mjs): the entry, its chunks and their maps. Also what
 * test/dependencies.test.ts bundles, so it compares package.json with the same graph.
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function distBuild(outdir) {
	return {
		...bundleOptions,
		entryPoints: {irtop: 'cli.tsx'},
		outdir,
		splitting: true,
		legalComments: 'linked',
		sourcemap: 'linked',
		chunkNames: 'chunks/[name]-[hash]',
	};
}
