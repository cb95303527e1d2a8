// What the single executable (exe.ts, scripts/build-exe.mjs) does that the
// bundle leaves to bin/irtop.js and its shebang. Pure, so the tests need no build.

/** Fixed when the executable is built. */
export interface ExecutableBuild {
	readonly version: string;
	readonly commit: string;
	/** ISO 8601, UTC. */
	readonly built: string;
	/** The variables of bin/irtop.js's shebang (glibc's malloc tuning). */
	readonly env: Readonly<Record<string, string>>;
}

/**
 * The shebang's variables this process lacks. glibc reads them once, before any
 * JavaScript runs, so the executable must start itself again with them, as `env -S`
 * does for the bundle; an empty result means this process already is that start.
 */
export function missingEnv(
	build: ExecutableBuild,
	env: NodeJS.ProcessEnv,
): Record<string, string> | undefined {
	const missing = Object.entries(build.env).filter(([name, value]) => env[name] !== value);
	return missing.length > 0 ? Object.fromEntries(missing) : undefined;
}

/**
 * `irtop --version` of the executable: which build, and which runtime really ran it
 * with which memory settings (the shebang's flags and variables, as this process has them).
 */
export function versionText(
	build: ExecutableBuild,
	runtime: {node: string; execPath: string; arch: string; execArgv: readonly string[]},
	env: NodeJS.ProcessEnv,
): string {
	const variables = Object.keys(build.env).map((name) => `${name}=${env[name] ?? '(unset)'}`);
	return [
		`irtop ${build.version}`,
		`commit ${build.commit}`,
		`built ${build.built}`,
		`node ${runtime.node} linux-${runtime.arch}, single executable ${runtime.execPath}`,
		`flags ${[...runtime.execArgv, ...variables].join(' ')}`,
	].join('\n');
}
