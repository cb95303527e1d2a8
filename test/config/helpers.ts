import {expect} from 'vitest';
import {ConfigError} from '../../source/config/errors.ts';
import {parseConfig} from '../../source/config/parse.ts';
import type {Config} from '../../source/config/schema.ts';

export const home = '/home/oncall';
export const file = '/home/oncall/.config/irtop/config.yaml';

export const parse = (text: string, env: NodeJS.ProcessEnv = {}): Config =>
	parseConfig(text, file, env, {homedir: home});

/** The ConfigError that parsing throws; fails the test when it does not throw one. */
export const parseError = (text: string, env: NodeJS.ProcessEnv = {}): ConfigError => {
	try {
		parse(text, env);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return error as ConfigError;
	}
	throw new Error('expected parseConfig to throw a ConfigError');
};

/** Lines of YAML, so tests read like the file and line numbers are easy to check. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
