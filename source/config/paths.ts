import path from 'node:path';
import type {EnvOrigin} from './env.ts';
import type {Config} from './schema.ts';

/**
 * `$XDG_CONFIG_HOME/irtop/config.yaml`, else `~/.config/irtop/config.yaml`.
 * The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
 */
export const defaultConfigPath = (env: NodeJS.ProcessEnv, homedir: string): string => {
	const xdg = env.XDG_CONFIG_HOME;
	const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir, '.config');
	return path.join(base, 'irtop', 'config.yaml');
};

/** A path as a person reads it: the home directory as `~`. */
export const displayPath = (file: string, homedir: string): string => {
	const relative = path.relative(homedir, file);
	return homedir !== '' &&
		relative !== '' &&
		!relative.startsWith('..') &&
		!path.isAbsolute(relative)
		? `~/${relative}`
		: file;
};

// `~/x` and paths relative to the config file, as people write them in a file
// they read from anywhere: irtop may be started from any directory.
const expand = (value: string, baseDir: string | null, homedir: string): string => {
	if (value === '~') {
		return homedir;
	}
	if (value.startsWith('~/')) {
		return path.join(homedir, value.slice(2));
	}
	if (path.isAbsolute(value) || baseDir === null) {
		return value;
	}
	return path.resolve(baseDir, value);
};

/**
 * File paths written in the config file, made absolute. A value that came
 * from the environment (KUBECONFIG) is kept exactly as given: the shell
 * already expanded it and kubectl reads it relative to the working directory.
 */
export const resolveConfigPaths = (
	config: Config,
	file: string | null,
	homedir: string,
	origins: readonly EnvOrigin[],
): Config => {
	const baseDir = file === null ? null : path.dirname(file);
	const fromEnv = origins.some((origin) => origin.path.join('.') === 'kubernetes.kubeconfig');
	const {kubeconfig} = config.kubernetes;
	const kubernetes =
		kubeconfig === undefined || fromEnv
			? config.kubernetes
			: {
					...config.kubernetes,
					kubeconfig: kubeconfig
						.split(path.delimiter)
						.map((entry) => (entry === '' ? entry : expand(entry, baseDir, homedir)))
						.join(path.delimiter),
				};
	const {ssl} = config.kafka;
	const kafka =
		typeof ssl === 'object'
			? {
					...config.kafka,
					ssl: {
						...ssl,
						...(ssl.ca === undefined ? {} : {ca: expand(ssl.ca, baseDir, homedir)}),
						...(ssl.cert === undefined ? {} : {cert: expand(ssl.cert, baseDir, homedir)}),
						...(ssl.key === undefined ? {} : {key: expand(ssl.key, baseDir, homedir)}),
					},
				}
			: config.kafka;
	const {ca} = config.logs;
	const logs = ca === undefined ? config.logs : {...config.logs, ca: expand(ca, baseDir, homedir)};
	// A check's cwd, like the runbook's `cwd: /root/onboarding_kyc`, may be written relative to the file.
	const checks = config.checks.map((check) =>
		check.cwd === undefined ? check : {...check, cwd: expand(check.cwd, baseDir, homedir)},
	);
	const actions = config.actions.map((action) =>
		action.cwd === undefined ? action : {...action, cwd: expand(action.cwd, baseDir, homedir)},
	);
	const {dir} = config.timeline;
	const timeline =
		dir === undefined ? config.timeline : {...config.timeline, dir: expand(dir, baseDir, homedir)};
	return {...config, kubernetes, kafka, logs, checks, actions, timeline};
};
