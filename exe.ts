// The single executable's entry (scripts/build-exe.mjs bundles it with every
// on-demand chunk inlined). cli.tsx's job, plus what bin/irtop.js's shebang
// does for the bundle: the V8 flags come from the executable's own execArgv,
// the malloc variables from starting again with them set.
import {type ExecutableBuild, missingEnv, versionText} from './source/cli/executable.ts';

declare const IRTOP_EXECUTABLE: ExecutableBuild;

const missing = missingEnv(IRTOP_EXECUTABLE, process.env);
if (missing && process.execve) {
	// Replaces this process (same pid, nothing parsed yet but this file): a
	// terminal, a pid file or `kill` sees one irtop. Where execve fails, irtop
	// runs with glibc's default arenas: more memory, nothing else changes.
	try {
		process.execve(process.execPath, [process.argv0, ...process.argv.slice(2)], {
			...process.env,
			...missing,
		});
	} catch {}
}

// Loaded after the check above: the dashboard's modules are evaluated once, in the final process.
const {main} = await import('./source/cli/main.ts');
process.exitCode = await main({
	argv: process.argv.slice(2),
	env: process.env,
	stdout: process.stdout,
	stderr: process.stderr,
	version: versionText(
		IRTOP_EXECUTABLE,
		{
			node: process.version,
			execPath: process.execPath,
			arch: process.arch,
			execArgv: process.execArgv,
		},
		process.env,
	),
});
