// The files lab:up writes for people and for irtop: .lab/irtop.yaml (an
// irtop config pointing at every server) and .lab/env (shell exports).
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {stringify} from 'yaml';
import type {LabEndpoint, LabPaths} from './server.ts';

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge; arrays concatenate (several servers contribute `health` checks). */
export function mergeConfig(
	target: Record<string, unknown>,
	source: Readonly<Record<string, unknown>>,
) {
	for (const [key, value] of Object.entries(source)) {
		const current = target[key];
		if (Array.isArray(current) && Array.isArray(value)) target[key] = [...current, ...value];
		else if (isObject(current) && isObject(value)) mergeConfig(current, value);
		else target[key] = value;
	}
	return target;
}

export function combine(endpoints: readonly LabEndpoint[]) {
	const env: Record<string, string> = {};
	const config: Record<string, unknown> = {};
	for (const endpoint of endpoints) {
		Object.assign(env, endpoint.env);
		mergeConfig(config, endpoint.config);
	}
	return {env, config};
}

const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

export function writeOutputs(
	paths: LabPaths,
	env: Readonly<Record<string, string>>,
	config: Readonly<Record<string, unknown>>,
	notes: readonly string[],
) {
	const configFile = join(paths.lab, 'irtop.yaml');
	const envFile = join(paths.lab, 'env');
	const header = [
		'# irtop config for the local lab, written by `npm run lab:up`; removed by `npm run lab:down`.',
		...notes.map((note) => `# ${note}`),
	].join('\n');
	writeFileSync(configFile, `${header}\n${stringify(config)}`);
	const lines = [
		'# Source me: . .lab/env',
		...notes.map((note) => `# ${note}`),
		...Object.entries(env).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
		`export IRTOP_CONFIG=${shellQuote(configFile)}`,
		`export PATH=${shellQuote(paths.bin)}:"$PATH"`,
	];
	writeFileSync(envFile, `${lines.join('\n')}\n`);
	return {configFile, envFile};
}
