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
 * JavaScript runs, so the executable makes their settings with mallopt (malloptCalls)
 * or, failing that, starts itself again with them, as `env -S` starts the bundle;
 * undefined means this process already had them at start.
 */
export function missingEnv(
	build: ExecutableBuild,
	env: NodeJS.ProcessEnv,
): Record<string, string> | undefined {
	const missing = Object.entries(build.env).filter(([name, value]) => env[name] !== value);
	return missing.length > 0 ? Object.fromEntries(missing) : undefined;
}

// mallopt(3)'s parameter for each variable glibc reads at start (malloc.h: M_ARENA_MAX,
// M_MMAP_THRESHOLD; `man 3 mallopt` names the variable for each).
const malloptParameter: Readonly<Record<string, number>> = {
	MALLOC_ARENA_MAX: -8,
	MALLOC_MMAP_THRESHOLD_: -3,
};

/**
 * The mallopt(parameter, value) calls that give a running process these variables'
 * settings; undefined when one of them has no mallopt parameter (or no integer value),
 * so only a restart can apply it.
 */
export function malloptCalls(
	variables: Readonly<Record<string, string>>,
): Array<readonly [parameter: number, value: number]> | undefined {
	const calls: Array<readonly [number, number]> = [];
	for (const [name, value] of Object.entries(variables)) {
		const parameter = malloptParameter[name];
		if (parameter === undefined || !/^\d+$/.test(value)) return undefined;
		calls.push([parameter, Number(value)]);
	}
	return calls;
}

/**
 * `irtop --version` of the executable: which build, and which runtime really ran it
 * with which memory settings (the shebang's flags and variables, as this process has them).
 */
export function versionText(
	build: ExecutableBuild,
	runtime: {node: string; execPath: string; arch: string; execArgv: readonly string[]},
	env: NodeJS.ProcessEnv,
	/** The variables' settings were made by mallopt in this process, not read by glibc at start. */
	mallopt = false,
): string {
	const variables = Object.keys(build.env).map((name) => `${name}=${env[name] ?? '(unset)'}`);
	if (mallopt) variables.push('(glibc settings by mallopt)');
	return [
		`irtop ${build.version}`,
		`commit ${build.commit}`,
		`built ${build.built}`,
		`node ${runtime.node} linux-${runtime.arch}, single executable ${runtime.execPath}`,
		`flags ${[...runtime.execArgv, ...variables].join(' ')}`,
	].join('\n');
}
