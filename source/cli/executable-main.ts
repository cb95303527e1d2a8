// The single executable's application (what cli.tsx is to the bundle): loaded
// by executable-start.ts from the executable's assets, once the process has its memory settings.
import {type ExecutableBuild, versionText} from './executable.ts';
import {main} from './main.ts';

declare const IRTOP_EXECUTABLE: ExecutableBuild;

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
		(globalThis as Record<symbol, unknown>)[Symbol.for('irtop.mallopt')] === true,
	),
});
