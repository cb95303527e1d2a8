// The single executable's main script (scripts/build-exe.mjs). It does what
// bin/irtop.js's shebang does for the bundle, then runs the application from
// the executable's assets (executable-loader.ts). The V8 flags come
// from the executable's own execArgv; glibc's malloc variables must be in the
// environment before the process starts, so it starts again with them.
import {type ExecutableBuild, missingEnv} from './executable.ts';

declare const IRTOP_EXECUTABLE: ExecutableBuild;

const missing = missingEnv(IRTOP_EXECUTABLE, process.env);
if (missing && process.execve) {
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
