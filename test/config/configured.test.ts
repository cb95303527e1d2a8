import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	integrationConfigured,
	integrationHint,
	notConfiguredHint,
	sourceConfigured,
} from '../../source/config/configured.ts';
import {sourceIds} from '../../source/model/index.ts';
import {parse, yaml} from './helpers.ts';

let home: string;

beforeEach(async () => {
	home = await mkdtemp(path.join(os.tmpdir(), 'irtop-home-'));
});

afterEach(async () => {
	await rm(home, {recursive: true, force: true});
});

describe('sourceConfigured', () => {
	const empty = parse('');

	it('reports nothing configured for an empty config on a bare machine', () => {
		for (const id of sourceIds) {
			// The host's own disks are always there to read.
			expect(sourceConfigured(empty, id, {env: {}, homedir: home}), id).toBe(id === 'disk');
		}
	});

	it.each([
		['prometheus', yaml('prometheus: {url: "http://p:9090"}')],
		['alerts', yaml('alertmanager: {url: "http://a:9093"}')],
		['health', yaml('health: [{name: api, url: "http://api/health"}]')],
		['postgres', yaml('postgres: {host: db}')],
		['postgres', yaml('postgres: {url: "postgres://db/app"}')],
		['redis', yaml('redis: {url: "redis://r:6379"}')],
		['kafka', yaml('kafka: {brokers: ["k:9092"]}')],
		['kubernetes', yaml('kubernetes: {kubeconfig: /etc/kube/config}')],
	] as const)('%s from the file', (id, text) => {
		expect(sourceConfigured(parse(text), id, {env: {}, homedir: home})).toBe(true);
	});

	it('postgres is not configured by a password or timeouts alone', () => {
		expect(sourceConfigured(parse('postgres: {password: x, idleMinutes: 5}\n'), 'postgres')).toBe(
			false,
		);
	});

	it('kubernetes from KUBECONFIG, in-cluster, or ~/.kube/config', async () => {
		expect(sourceConfigured(empty, 'kubernetes', {env: {KUBECONFIG: '/k'}, homedir: home})).toBe(
			true,
		);
		expect(
			sourceConfigured(empty, 'kubernetes', {
				env: {KUBERNETES_SERVICE_HOST: '10.0.0.1'},
				homedir: home,
			}),
		).toBe(true);
		expect(sourceConfigured(empty, 'kubernetes', {env: {}, homedir: home})).toBe(false);
		await mkdir(path.join(home, '.kube'));
		await writeFile(path.join(home, '.kube/config'), 'apiVersion: v1\n');
		expect(sourceConfigured(empty, 'kubernetes', {env: {}, homedir: home})).toBe(true);
	});
});

describe('notConfiguredHint', () => {
	it('names the key and the variable to set, in one line', () => {
		expect(notConfiguredHint('prometheus')).toBe(
			'set prometheus.url in config.yaml or PROMETHEUS_URL',
		);
		expect(notConfiguredHint('postgres')).toBe(
			'set postgres.url or postgres.host in config.yaml, or DATABASE_URL or PGHOST',
		);
		expect(notConfiguredHint('kafka')).toBe('set kafka.brokers in config.yaml or KAFKA_BROKERS');
		for (const id of sourceIds) {
			expect(notConfiguredHint(id)).toMatch(/^\S.*\S$/);
			expect(notConfiguredHint(id)).not.toContain('\n');
		}
	});
});

describe('integrations', () => {
	it('need every credential', () => {
		expect(integrationConfigured(parse(''), 'slack')).toBe(false);
		expect(integrationConfigured(parse('', {SLACK_WEBHOOK_URL: 'https://hooks/x'}), 'slack')).toBe(
			true,
		);
		expect(integrationConfigured(parse('', {STATUSPAGE_API_KEY: 'k'}), 'statuspage')).toBe(false);
		expect(
			integrationConfigured(
				parse('', {STATUSPAGE_API_KEY: 'k', STATUSPAGE_PAGE_ID: 'p'}),
				'statuspage',
			),
		).toBe(true);
		const runbook = (env: NodeJS.ProcessEnv, url = '    url: https://status.example') =>
			parse(`integrations:\n  statuspage:\n    provider: runbook\n${url}\n`, env);
		expect(integrationConfigured(runbook({STATUS_PAGE_TOKEN: 't'}), 'statuspage')).toBe(true);
		expect(integrationConfigured(runbook({}), 'statuspage')).toBe(false);
		expect(integrationConfigured(runbook({STATUS_PAGE_TOKEN: 't'}, ''), 'statuspage')).toBe(false);
		expect(integrationHint('statuspage', runbook({}))).toContain('STATUS_PAGE_TOKEN');
		expect(integrationConfigured(parse('', {PAGERDUTY_TOKEN: 't'}), 'pagerduty')).toBe(true);
		expect(integrationHint('pagerduty')).toBe(
			'set integrations.pagerduty.token in config.yaml or PAGERDUTY_TOKEN',
		);
	});
});
