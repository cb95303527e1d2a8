import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/errors.ts';
import {loadConfig} from '../../source/config/load.ts';
import {defaultConfigPath} from '../../source/config/paths.ts';

let home: string;

beforeEach(async () => {
	home = await mkdtemp(path.join(os.tmpdir(), 'irtop-config-'));
});

afterEach(async () => {
	await rm(home, {recursive: true, force: true});
});

const write = async (file: string, text: string): Promise<string> => {
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, text);
	return file;
};

const loadError = async (options: Parameters<typeof loadConfig>[0]): Promise<ConfigError> => {
	const error = await loadConfig(options).then(
		() => null,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(ConfigError);
	return error as ConfigError;
};

describe('config file location', () => {
	it('uses ~/.config/irtop/config.yaml by default', async () => {
		const file = await write(path.join(home, '.config/irtop/config.yaml'), 'refreshSeconds: 7\n');
		const loaded = await loadConfig({env: {}, homedir: home});
		expect(loaded.file).toBe(file);
		expect(loaded.config.refreshSeconds).toBe(7);
	});

	it('honours XDG_CONFIG_HOME', async () => {
		await write(path.join(home, '.config/irtop/config.yaml'), 'refreshSeconds: 7\n');
		const xdg = path.join(home, 'xdg');
		const file = await write(path.join(xdg, 'irtop/config.yaml'), 'refreshSeconds: 9\n');
		const loaded = await loadConfig({env: {XDG_CONFIG_HOME: xdg}, homedir: home});
		expect(loaded).toMatchObject({file, config: {refreshSeconds: 9}});
	});

	it('ignores a relative or empty XDG_CONFIG_HOME, as the XDG spec says', () => {
		expect(defaultConfigPath({XDG_CONFIG_HOME: 'relative/dir'}, '/home/u')).toBe(
			'/home/u/.config/irtop/config.yaml',
		);
		expect(defaultConfigPath({XDG_CONFIG_HOME: ''}, '/home/u')).toBe(
			'/home/u/.config/irtop/config.yaml',
		);
		expect(defaultConfigPath({XDG_CONFIG_HOME: '/xdg'}, '/home/u')).toBe('/xdg/irtop/config.yaml');
	});

	it('treats a missing default file as an empty config, with the environment still applied', async () => {
		const loaded = await loadConfig({env: {PROMETHEUS_URL: 'http://p:9090'}, homedir: home});
		expect(loaded.file).toBeNull();
		expect(loaded.config.refreshSeconds).toBe(2);
		expect(loaded.config.prometheus.url).toBe('http://p:9090');
	});

	it('reports a missing --config file', async () => {
		const missing = path.join(home, 'nope.yaml');
		const error = await loadError({path: missing, env: {}, homedir: home});
		expect(error.message).toBe('~/nope.yaml: cannot read config file: no such file');
		expect(error.file).toBe(missing);
	});

	it('reads an explicit --config file instead of the default one', async () => {
		await write(path.join(home, '.config/irtop/config.yaml'), 'refreshSeconds: 7\n');
		const file = await write(path.join(home, 'incident.yaml'), 'refreshSeconds: 1\n');
		expect(await loadConfig({path: file, env: {}, homedir: home})).toMatchObject({
			file,
			config: {refreshSeconds: 1},
		});
	});

	it('reports a default location that is a directory rather than treating it as missing', async () => {
		await mkdir(path.join(home, '.config/irtop/config.yaml'), {recursive: true});
		const error = await loadError({env: {}, homedir: home});
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml: cannot read config file: is a directory, not a file',
		);
	});

	it('reports errors with the file, line and field', async () => {
		await write(path.join(home, '.config/irtop/config.yaml'), 'redis:\n  url: 6379\n');
		const error = await loadError({env: {}, homedir: home});
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:2:8: redis.url: expected a string, got 6379',
		);
	});

	it('resolves paths in the file against ~ and the file’s directory', async () => {
		const file = await write(
			path.join(home, 'cfg/config.yaml'),
			'kubernetes:\n  kubeconfig: ~/.kube/a:clusters/b\nkafka:\n  ssl: {ca: certs/ca.pem, key: /abs/key.pem}\n',
		);
		const {config} = await loadConfig({path: file, env: {}, homedir: home});
		expect(config.kubernetes.kubeconfig).toBe(`${home}/.kube/a:${home}/cfg/clusters/b`);
		expect(config.kafka.ssl).toEqual({ca: `${home}/cfg/certs/ca.pem`, key: '/abs/key.pem'});
	});
});
