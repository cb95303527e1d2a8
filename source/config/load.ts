import {readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {ConfigError, formatIssue} from './errors.ts';
import {type ParseOptions, parseConfig} from './parse.ts';
import {defaultConfigPath, displayPath} from './paths.ts';
import type {Config} from './schema.ts';

export interface LoadOptions {
	/** `--config FILE`: must exist. Without it the default location is used and may be absent. */
	path?: string;
	env?: NodeJS.ProcessEnv;
	homedir?: string;
	refine?: ParseOptions['refine'];
}

export interface LoadedConfig {
	config: Config;
	/** The file that was read, or null when there was none. */
	file: string | null;
}

const reasons: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EISDIR: 'is a directory, not a file',
	ENOTDIR: 'a parent of it is not a directory',
};

const readError = (file: string, homedir: string, error: unknown): ConfigError => {
	const code = (error as NodeJS.ErrnoException).code ?? '';
	return new ConfigError([
		formatIssue({
			file,
			displayFile: displayPath(file, homedir),
			line: null,
			column: null,
			field: null,
			variable: null,
			problem: `cannot read config file: ${reasons[code] ?? (code || 'unknown error')}`,
		}),
	]);
};

/**
 * Finds, reads and validates the configuration, with the environment applied.
 * A missing file is only fine at the default location: a file named on the
 * command line that is not there is a typo to report, not an empty config.
 */
export const loadConfig = async (options: LoadOptions = {}): Promise<LoadedConfig> => {
	const env = options.env ?? process.env;
	const homedir = options.homedir ?? os.homedir();
	const explicit = options.path !== undefined;
	const file = explicit ? path.resolve(options.path ?? '') : defaultConfigPath(env, homedir);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {config: parseConfig('', null, env, {homedir, refine: options.refine}), file: null};
		}
		throw readError(file, homedir, error);
	}
	return {config: parseConfig(text, file, env, {homedir, refine: options.refine}), file};
};
