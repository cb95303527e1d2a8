// package.json's `dependencies` is what every install of irtop carries; it must
// be exactly the packages irtop's own code imports, as the bundle resolves them
// (the same esbuild options as scripts/build.mjs, through its metafile).
import {readFileSync} from 'node:fs';
import {build, type Metafile} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';
import {distBuild} from '../scripts/build-options.mjs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	dependencies?: Record<string, string>;
};
const declared = new Set(Object.keys(manifest.dependencies ?? {}));

/** The package a resolved path lies in, or null for our own files. */
function packageOf(path: string): string | null {
	const at = path.lastIndexOf('node_modules/');
	if (at === -1) return null;
	const match = /^((?:@[^/]+\/)?[^/]+)/.exec(path.slice(at + 'node_modules/'.length));
	return match?.[1] ?? null;
}

/** Packages that irtop's own files (not a package's) import, with the files that import each. */
function importedPackages(metafile: Metafile): Map<string, string[]> {
	const packages = new Map<string, string[]>();
	for (const [file, input] of Object.entries(metafile.inputs)) {
		if (packageOf(file) !== null || file.startsWith('scripts/stubs/')) continue;
		for (const imported of input.imports) {
			if (imported.external) continue;
			const name = packageOf(imported.path);
			if (name === null) continue;
			packages.set(name, [...(packages.get(name) ?? []), file]);
		}
	}
	return packages;
}

describe('package.json dependencies', () => {
	let imported = new Map<string, string[]>();
	beforeAll(async () => {
		const result = await build({
			...distBuild('/nonexistent-irtop-dist'),
			write: false,
			metafile: true,
			minify: false,
			sourcemap: false,
		});
		imported = importedPackages(result.metafile ?? {inputs: {}, outputs: {}});
	});

	it('lists every package the bundle imports from irtop code', () => {
		expect(imported.size).toBeGreaterThan(0);
		const missing = [...imported.keys()].filter((name) => !declared.has(name));
		expect(missing.map((name) => `${name} (${imported.get(name)?.[0]})`)).toEqual([]);
	});

	it('lists nothing the bundle does not import (lab and test tools are devDependencies)', () => {
		expect([...declared].filter((name) => !imported.has(name))).toEqual([]);
	});
});

describe('packageOf', () => {
	it('names plain and scoped packages, nested or through a symlinked node_modules', () => {
		expect(packageOf('node_modules/ink/build/index.js')).toBe('ink');
		expect(packageOf('../main/node_modules/@kubernetes/client-node/dist/index.js')).toBe(
			'@kubernetes/client-node',
		);
		expect(packageOf('node_modules/a/node_modules/b/x.js')).toBe('b');
		expect(packageOf('source/cli/main.ts')).toBeNull();
	});
});
