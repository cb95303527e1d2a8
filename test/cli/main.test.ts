import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../../source/cli/main.ts';
import {capture} from '../support/capture.ts';

async function irtop(argv: string[], env: NodeJS.ProcessEnv = {}) {
	const stdout = capture();
	const stderr = capture();
	// An empty XDG_CONFIG_HOME directory: no config file, nothing configured.
	const home = mkdtempSync(join(tmpdir(), 'irtop-main-'));
	const code = await main({
		argv,
		env: {HOME: home, XDG_CONFIG_HOME: home, ...env},
		stdout: stdout.stream,
		stderr: stderr.stream,
		version: '0.0.0-test',
	});
	return {code, stdout: stdout.text(), stderr: stderr.text(), home};
}

describe('irtop snapshot --json', () => {
	it('prints one JSON document with every source and the incident (demo)', async () => {
		const {code, stdout, stderr} = await irtop(['snapshot', '--json', '--demo']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const document = JSON.parse(stdout);
		expect(Object.keys(document)).toEqual(
			expect.arrayContaining([
				'kubernetes',
				'prometheus',
				'alerts',
				'health',
				'postgres',
				'redis',
				'kafka',
				'incident',
			]),
		);
		for (const state of Object.values(document.sources)) expect(state).toMatchObject({state: 'ok'});
		expect(document.kubernetes.pods.length).toBeGreaterThan(10);
		expect(document.kubernetes.pods[0]).toEqual(
			expect.objectContaining({
				namespace: expect.any(String),
				status: expect.any(String),
				ageSeconds: expect.any(Number),
			}),
		);
		const running = document.kubernetes.pods.filter(
			(p: {status: string}) => p.status === 'Running',
		);
		expect(
			running.every((p: {cpuMillicores: unknown}) => typeof p.cpuMillicores === 'number'),
		).toBe(true);
		expect(document.kubernetes.certificates).toContainEqual(
			expect.objectContaining({
				namespace: 'platform-ingress',
				name: 'wildcard-yourdomain-tld',
				ready: false,
				notAfter: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			}),
		);
		// Present only when true.
		expect(document.kubernetes).not.toHaveProperty('reconnecting');
		expect(document.kubernetes).not.toHaveProperty('metricsUnavailable');
		expect(document.prometheus.services.map((s: {name: string}) => s.name)).toContain(
			'onboarding-api',
		);
		expect(document.incident).toMatchObject({title: 'API 500 errors spike', severity: 'P1'});
	});

	it('says which sources are not configured and why, without the demo', async () => {
		const {code, stdout} = await irtop(['snapshot', '--json'], {
			PROMETHEUS_URL: 'http://127.0.0.1:1',
		});
		expect(code).toBe(0);
		const document = JSON.parse(stdout);
		expect(document.sources.redis).toEqual({
			state: 'not-configured',
			hint: 'set redis.url in config.yaml or REDIS_URL',
		});
		expect(document.redis).toBeNull();
	});
});

describe('irtop', () => {
	it('refuses to draw the dashboard when stdout is not a terminal', async () => {
		const {code, stderr} = await irtop(['--demo']);
		expect(code).toBe(2);
		expect(stderr).toContain('irtop snapshot --json');
	});

	it('reports a configuration error with file, line and field, exit 2', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-config-'));
		const file = join(dir, 'config.yaml');
		writeFileSync(file, 'prometheus:\n  url: http://prom:9090\n  errorThreshold: high\n');
		const {code, stderr} = await irtop(['snapshot', '--json', '--config', file]);
		expect(code).toBe(2);
		expect(stderr).toMatch(
			/config\.yaml:3:\d+: prometheus\.errorThreshold: expected a number, got "high"/,
		);
		expect(stderr.trim().split('\n')).toHaveLength(1);
	});

	it('never prints a secret from the environment', async () => {
		const {stdout, stderr} = await irtop(['snapshot', '--json', '--demo'], {
			DATABASE_URL: 'postgres://app:s3cr3t-pw@db:5432/app',
			SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXXSECRET',
		});
		expect(stdout + stderr).not.toContain('s3cr3t-pw');
		expect(stdout + stderr).not.toContain('XXXXSECRET');
	});
});
