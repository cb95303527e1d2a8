// Runs the application that scripts/build-exe.mjs stored in the single
// executable as assets: the same entry and on-demand chunks as dist/, each
// with V8's code cache made at build time. A SEA's own `import()` reaches only
// built-in modules, so the chunks are linked here (node:vm's source text
// modules): a run pays for the chunks it uses, as the bundle does, instead of
// compiling every client at start.

import {posix} from 'node:path';
import {getRawAsset} from 'node:sea';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';

const modules = new Map<string, vm.Module>();

/** The asset name a chunk's import means: a relative path from the importing chunk. */
export function assetName(specifier: string, importer: string): string | undefined {
	if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
	return posix.normalize(posix.join(posix.dirname(importer), specifier));
}

/**
 * An asset's bytes where they lie in the executable's mapped file, not a copy: read only
 * (decoded to the module's source, or read by V8 as its code cache), never written.
 */
function asset(name: string): ArrayBuffer | undefined {
	try {
		return getRawAsset(name);
	} catch {
		return undefined;
	}
}

function builtin(id: string): vm.Module {
	const exports = process.getBuiltinModule(id) as Record<string, unknown> | undefined;
	if (!exports) throw new Error(`Cannot find module ${id}: not inside the irtop executable`);
	const names = Object.keys(exports).filter((name) => name !== 'default');
	return new vm.SyntheticModule([...names, 'default'], function (this: vm.SyntheticModule) {
		for (const name of names) this.setExport(name, exports[name]);
		this.setExport('default', exports);
	});
}

/** The module for a specifier, created and linked (with everything it imports) on first use. */
function load(specifier: string, importer: string): vm.Module {
	const name = assetName(specifier, importer) ?? specifier;
	const known = modules.get(name);
	if (known) return known;
	const source = name === specifier ? undefined : asset(name);
	if (!source) {
		const module = builtin(specifier);
		modules.set(name, module);
		return module;
	}
	const cache = asset(`${name}.cache`);
	const module = new vm.SourceTextModule(new TextDecoder().decode(source), {
		identifier: `irtop:${name}`,
		...(cache ? {cachedData: new Uint8Array(cache)} : {}),
		initializeImportMeta(meta) {
			meta.url = pathToFileURL(process.execPath).href;
		},
		importModuleDynamically: (dynamic) => run(dynamic, name),
	});
	// Before its imports, so that a cycle between chunks finds it.
	modules.set(name, module);
	module.linkRequests(module.moduleRequests.map((request) => load(request.specifier, name)));
	return module;
}

/** Loads, instantiates and evaluates a module (the entry, or a chunk an `import()` asks for). */
export async function run(specifier: string, importer = ''): Promise<vm.Module> {
	const module = load(specifier, importer);
	if (module.status === 'linked' || module.status === 'unlinked') {
		if (module instanceof vm.SourceTextModule) module.instantiate();
		else
			await module.link(() => {
				throw new Error('a built-in module imports nothing');
			});
	}
	await module.evaluate();
	return module;
}
