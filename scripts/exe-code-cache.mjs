// Writes V8's code cache beside each module of a directory (NAME.js ->
// NAME.js.cache), for source/cli/executable-loader.ts. Run by scripts/build-exe.mjs
// with the runtime and the V8 flags of the executable: V8 takes a cache only from
// its own version under the same flags.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import vm from 'node:vm';

const dir = process.argv[2];
for (const entry of readdirSync(dir, {recursive: true})) {
	if (!entry.endsWith('.js')) continue;
	const file = join(dir, entry);
	const module = new vm.SourceTextModule(readFileSync(file, 'utf8'), {identifier: entry});
	writeFileSync(`${file}.cache`, module.createCachedData());
}
