import {describe, expect, it} from 'vitest';
import {parse, parseError, yaml} from './helpers.ts';

describe('environment overrides', () => {
	it('KUBECONFIG sets kubernetes.kubeconfig, a ":"-list kept exactly as given', () => {
		const config = parse(yaml('kubernetes:', '  kubeconfig: /etc/kube/a'), {
			KUBECONFIG: 'one.yaml:/tmp/two.yaml',
		});
		expect(config.kubernetes.kubeconfig).toBe('one.yaml:/tmp/two.yaml');
	});

	it.each([
		['PROMETHEUS_URL', 'http://prom:9090', (c) => c.prometheus.url],
		['ALERTMANAGER_URL', 'http://am:9093', (c) => c.alertmanager.url],
		['REDIS_URL', 'rediss://cache:6380/0', (c) => c.redis.url],
		[
			'SLACK_WEBHOOK_URL',
			'https://hooks.slack.test/services/T1/B2/xyz',
			(c) => c.integrations.slack.webhookUrl,
		],
		['STATUSPAGE_API_KEY', 'sp-key-1', (c) => c.integrations.statuspage.apiKey],
		['STATUSPAGE_PAGE_ID', 'page42', (c) => c.integrations.statuspage.pageId],
		['STATUS_PAGE_TOKEN', 'sp-token-1', (c) => c.integrations.statuspage.token],
		['PAGERDUTY_TOKEN', 'pd-token-1', (c) => c.integrations.pagerduty.token],
		['PGHOST', 'db.internal', (c) => c.postgres.host],
		['PGUSER', 'irtop', (c) => c.postgres.user],
		['PGPASSWORD', 's3cret', (c) => c.postgres.password],
		['PGDATABASE', 'onboarding', (c) => c.postgres.database],
		['PGSSLMODE', 'verify-full', (c) => c.postgres.sslmode],
		['DATABASE_URL', 'postgres://irtop@db/app', (c) => c.postgres.url],
	] satisfies [string, string, (config: ReturnType<typeof parse>) => unknown][])(
		'%s overrides the file',
		(variable, value, read) => {
			const file = yaml(
				'prometheus: {url: "http://file:9090"}',
				'alertmanager: {url: "http://file:9093"}',
				'redis: {url: "redis://file"}',
				'postgres: {host: file, user: file, password: file, database: file, sslmode: disable}',
				'integrations:',
				'  slack: {webhookUrl: "https://file/hook"}',
				'  statuspage: {apiKey: file, pageId: file}',
				'  pagerduty: {token: file}',
			);
			expect(read(parse(file))).not.toBe(value);
			expect(read(parse(file, {[variable]: value}))).toBe(value);
		},
	);

	it('PGPORT becomes a number', () => {
		expect(parse('', {PGHOST: 'db', PGPORT: '6432'}).postgres.port).toBe(6432);
	});

	it('KAFKA_BROKERS is a comma-separated list', () => {
		const config = parse(yaml('kafka:', '  brokers: [file:9092]'), {
			KAFKA_BROKERS: 'k1:9092, k2:9092,,[::1]:9093',
		});
		expect(config.kafka.brokers).toEqual(['k1:9092', 'k2:9092', '[::1]:9093']);
	});

	it('treats an empty variable as unset', () => {
		expect(
			parse(yaml('prometheus: {url: "http://file:9090"}'), {PROMETHEUS_URL: ''}).prometheus.url,
		).toBe('http://file:9090');
	});

	it('ignores variables it does not own', () => {
		expect(parse('', {HOME: '/x', PATH: '/bin', PROMETHEUS: 'x'}).prometheus.url).toBeUndefined();
	});

	it('validates values with the same schema and names the variable', () => {
		const error = parseError('', {PGPORT: 'fivefour'});
		expect(error.message).toBe('$PGPORT: postgres.port: expected a number, got "fivefour"');
		expect(error.variable).toBe('PGPORT');
		expect(error.field).toBe('postgres.port');
		expect(error.file).toBeNull();
		expect(error.line).toBeNull();
		expect(parseError('', {PROMETHEUS_URL: 'prom:9090'}).message).toBe(
			'$PROMETHEUS_URL: prometheus.url: expected an http:// or https:// URL, got "prom:9090"',
		);
		expect(parseError('', {KAFKA_BROKERS: 'k1:9092,k2'}).message).toBe(
			'$KAFKA_BROKERS: kafka.brokers[1]: expected host:port, got "k2"',
		);
		expect(parseError('', {PGSSLMODE: 'on'}).variable).toBe('PGSSLMODE');
	});

	it('does not hide an error in the file behind an override', () => {
		const error = parseError(yaml('postgres: 5'), {PGHOST: 'db'});
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:1:11: postgres: expected a mapping, got a number',
		);
	});
});

describe('DATABASE_URL and PG* variables', () => {
	it('DATABASE_URL wins over PG* when both are set', () => {
		const config = parse('', {
			DATABASE_URL: 'postgres://app@primary:5432/onboarding',
			PGHOST: 'replica',
			PGPORT: '6432',
			PGUSER: 'other',
		});
		expect(config.postgres.url).toBe('postgres://app@primary:5432/onboarding');
		expect(config.postgres.host).toBeUndefined();
		expect(config.postgres.port).toBeUndefined();
		expect(config.postgres.user).toBeUndefined();
	});

	it('DATABASE_URL replaces the connection from the file, keeping the other settings', () => {
		const config = parse(
			yaml('postgres:', '  host: file-db', '  password: file-pass', '  longQuerySeconds: 10'),
			{
				DATABASE_URL: 'postgresql://env-db/app',
			},
		);
		expect(config.postgres).toEqual({
			url: 'postgresql://env-db/app',
			statementTimeoutMs: 2000,
			longQuerySeconds: 10,
			idleMinutes: 30,
		});
	});

	it('PG* variables override their own fields of the file', () => {
		const config = parse(
			yaml('postgres:', '  host: file-db', '  user: file-user', '  database: app'),
			{
				PGHOST: 'env-db',
				PGPASSWORD: 'env-pass',
			},
		);
		expect(config.postgres).toMatchObject({
			host: 'env-db',
			user: 'file-user',
			database: 'app',
			password: 'env-pass',
		});
	});

	it('PG* variables override the parts of a url from the file', () => {
		const config = parse(
			yaml('postgres:', '  url: postgres://irtop@db/app?application_name=irtop'),
			{
				PGPASSWORD: 'p@ss/word',
				PGPORT: '6432',
			},
		);
		expect(config.postgres.url).toBe(
			'postgres://irtop:p%40ss%2Fword@db:6432/app?application_name=irtop',
		);
		expect(config.postgres.password).toBeUndefined();
	});
});
