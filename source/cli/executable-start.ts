// The single executable's main script (scripts/build-exe.mjs). It does what
// bin/irtop.js's shebang does for the bundle, then runs the application from
// the executable's assets (executable-loader.ts). The V8 flags come from the
// executable's own execArgv. glibc read its malloc variables when the process
// started, so the same settings are made here with mallopt(3) through node:ffi,
// without the restart that cost one more runtime start (docs/decisions.md);
// only where that fails does the process start again with the variables.
import {type ExecutableBuild, malloptCalls, missingEnv} from './executable.ts';

declare const IRTOP_EXECUTABLE: ExecutableBuild;

/** node:ffi as far as it is used here (experimental in Node 26; not in @types/node yet). */
interface Ffi {
	dlopen(
		path: null,
		definitions: {mallopt: {arguments: ['int32', 'int32']; return: 'int32'}},
	): {functions: {mallopt(parameter: number, value: number): number}; lib: {close(): void}};
}

/**
 * Gives this process the variables' malloc settings with mallopt(3) (1 is success), then
 * the variables themselves, as the shebang's `env -S` does: what `--version` prints and
 * what child processes inherit. False where only a restart can apply them.
 */
function setInProcess(missing: Record<string, string>): boolean {
	const calls = malloptCalls(missing);
	if (!calls) return false;
	try {
		const ffi = process.getBuiltinModule('node:ffi') as Ffi | undefined;
		if (!ffi) return false;
		const {functions, lib} = ffi.dlopen(null, {
			mallopt: {arguments: ['int32', 'int32'], return: 'int32'},
		});
		const done = calls.every(([parameter, value]) => functions.mallopt(parameter, value) === 1);
		lib.close();
		if (!done) return false;
	} catch {
		return false;
	}
	Object.assign(process.env, missing);
	// For `irtop --version` (executable-main.ts, another module graph): how they were set.
	(globalThis as Record<symbol, unknown>)[Symbol.for('irtop.mallopt')] = true;
	return true;
}

const missing = missingEnv(IRTOP_EXECUTABLE, process.env);
if (missing && !setInProcess(missing) && process.execve) {
	// Replaces this process (same pid; nothing but this small file parsed yet): a
	// terminal, a pid file or `kill` sees one irtop. Where execve fails (qemu-user),
	// irtop runs with glibc's default arenas: more memory, nothing else changes.
	try {
		process.execve(process.execPath, [process.argv0, ...process.argv.slice(2)], {
			...process.env,
			...missing,
		});
	} catch {}
}

const {run} = await import('./executable-loader.ts');
await run('./irtop.js');
