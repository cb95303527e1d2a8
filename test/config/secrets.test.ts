import {describe, expect, it} from 'vitest';
import {redactConfig, redactUrl, scrubSecrets, secretValues} from '../../source/config/redact.ts';
import {parse, parseError, yaml} from './helpers.ts';

const secrets = {
	pgPassword: 'pg-Hunter2-pass',
	redisPassword: 'redis-Pa55',
	urlPassword: 'prom-basic-pw',
	saslPassword: 'sasl-Very-Secret',
	webhookPath: 'T0000/B0000/XXXXwebhookXXXX',
	statuspageKey: 'sp-api-key-123',
	pagerdutyToken: 'pd-token-456',
	healthPassword: 'health-pw',
	redisUrlPassword: 'redis-url-pw',
};

const full = yaml(
	'prometheus:',
	`  url: https://irtop:${secrets.urlPassword}@prometheus.example:9090`,
	'postgres:',
	'  host: db',
	'  user: irtop',
	`  password: ${secrets.pgPassword}`,
	'redis:',
	`  url: rediss://:${secrets.redisUrlPassword}@cache:6380`,
	`  password: ${secrets.redisPassword}`,
	'kafka:',
	'  brokers: [k:9092]',
	`  sasl: {mechanism: scram-sha-512, username: irtop, password: ${secrets.saslPassword}}`,
	'health:',
	`  - {name: api, url: "https://probe:${secrets.healthPassword}@api.example/health"}`,
	'integrations:',
	`  slack: {webhookUrl: "https://hooks.slack.com/services/${secrets.webhookPath}"}`,
	`  statuspage: {pageId: p1, apiKey: ${secrets.statuspageKey}}`,
	`  pagerduty: {token: ${secrets.pagerdutyToken}}`,
);

describe('redactConfig', () => {
	it('leaves no secret anywhere in the redacted JSON', () => {
		const config = parse(full);
		const before = JSON.stringify(config);
		const after = JSON.stringify(redactConfig(config));
		for (const secret of Object.values(secrets)) {
			expect(before).toContain(secret);
			expect(after).not.toContain(secret);
		}
	});

	it('keeps what is not secret, to stay useful', () => {
		const redacted = redactConfig(parse(full));
		expect(redacted.prometheus.url).toBe('https://irtop:***@prometheus.example:9090');
		expect(redacted.postgres).toMatchObject({host: 'db', user: 'irtop', password: '***'});
		expect(redacted.integrations.slack.webhookUrl).toBe('https://hooks.slack.com/***');
		expect(redacted.integrations.statuspage).toEqual({
			provider: 'statuspage',
			pageId: 'p1',
			apiKey: '***',
		});
		expect(redacted.kafka.sasl).toEqual({
			mechanism: 'scram-sha-512',
			username: 'irtop',
			password: '***',
		});
	});

	it('does not modify the original', () => {
		const config = parse(full);
		redactConfig(config);
		expect(config.postgres.password).toBe(secrets.pgPassword);
	});
});

describe('redactUrl', () => {
	it.each([
		['postgres://user:pass@host/db', 'postgres://user:***@host/db'],
		['redis://:pass@host:6379', 'redis://:***@host:6379'],
		['postgres://user@host/db', 'postgres://user@host/db'],
		['http://prometheus:9090/api', 'http://prometheus:9090/api'],
		[
			'postgres://u:p%40ss@host/db?sslmode=require&password=x',
			'postgres://u:***@host/db?sslmode=require&password=***',
		],
		// An unencoded '@' or '/' in the password must not leave part of it visible.
		['postgres://u:p@ss/w@host/db', 'postgres://u:***@host/db'],
		['u:pw@host:5432', 'u:***@host:5432'],
	])('%s → %s', (url, redacted) => {
		expect(redactUrl(url)).toBe(redacted);
	});
});

describe('secretValues and scrubSecrets', () => {
	it('lists every secret, in written and decoded form', () => {
		const config = parse(
			yaml(
				'postgres:',
				'  url: postgres://irtop:p%40ss@db/app',
				'integrations:',
				'  pagerduty: {token: tok-1}',
			),
		);
		const found = secretValues(config);
		expect(found).toEqual(expect.arrayContaining(['p%40ss', 'p@ss', 'tok-1']));
		expect(found).not.toContain('irtop');
	});

	it('covers every secret of a full config', () => {
		const found = secretValues(parse(full)).join('\n');
		for (const secret of Object.values(secrets)) {
			expect(found).toContain(secret);
		}
	});

	it('scrubs every occurrence, longest secrets first', () => {
		expect(scrubSecrets('connect pass=abc123 failed (abc123); abc', ['abc', 'abc123'])).toBe(
			'connect pass=*** failed (***); ***',
		);
		expect(scrubSecrets('nothing here', [''])).toBe('nothing here');
	});
});

describe('errors never show a secret', () => {
	const cases: [string, string, string, NodeJS.ProcessEnv?][] = [
		[
			'a password of the wrong type',
			yaml('postgres:', '  password: [hunter2-list]'),
			'hunter2-list',
		],
		['a number as a token', yaml('integrations:', '  pagerduty: {token: 987654321}'), '987654321'],
		[
			'a webhook URL one level too high',
			yaml('integrations:', '  slack: "https://hooks.slack.com/services/T/B/zzSECRETzz"'),
			'zzSECRETzz',
		],
		[
			'a bad database URL',
			yaml('postgres:', '  url: "mysql://u:Pg-Secret-9@db/app"'),
			'Pg-Secret-9',
		],
		[
			'a bad URL from the environment',
			'',
			'Env-Secret-7',
			{DATABASE_URL: 'mysql://u:Env-Secret-7@db/app'},
		],
		[
			'a secret next to a YAML syntax error',
			yaml('postgres:', '  password: Yaml-Secret-3', '  host: [db'),
			'Yaml-Secret-3',
		],
		[
			'a secret in an unknown key',
			yaml('postgres:', '  passwd: Unknown-Key-Secret'),
			'Unknown-Key-Secret',
		],
		[
			'a bad redis URL with a password',
			yaml('redis:', '  url: "http://:Redis-Secret-1@r:6379"'),
			'Redis-Secret-1',
		],
		[
			'a secret also pasted into a field that is not secret',
			yaml('redis:', '  password: Pasted-Secret-5', '  url: Pasted-Secret-5'),
			'Pasted-Secret-5',
		],
	];

	it.each(cases)('%s', (_name, text, secret, env = {}) => {
		const error = parseError(text, env);
		expect(error.message.length).toBeGreaterThan(0);
		expect(error.message).not.toContain(secret);
		expect(String(error)).not.toContain(secret);
		expect(JSON.stringify(error.issues)).not.toContain(secret);
		expect(JSON.stringify({...error})).not.toContain(secret);
	});
});
