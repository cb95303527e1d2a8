import {describe, expect, it} from 'vitest';
import {parseError, yaml} from './helpers.ts';

describe('YAML syntax errors', () => {
	it('names the file, line and column', () => {
		const error = parseError(
			yaml('prometheus:', '  url: http://p:9090', '  window: [5m', 'redis: {}'),
		);
		expect(error.line).toBe(4);
		expect(error.column).toBe(1);
		expect(error.field).toBeNull();
		expect(error.message).toMatch(/^~\/\.config\/irtop\/config\.yaml:4:1: invalid YAML: /);
		expect(error.message).not.toContain('\n');
	});

	it('reports duplicate keys', () => {
		const error = parseError(yaml('refreshSeconds: 1', 'refreshSeconds: 2'));
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:2:1: invalid YAML: Map keys must be unique',
		);
	});

	it('refuses a file that expands aliases without bound', () => {
		// Each key holds nine copies of the previous one: 9^10 values once expanded.
		const names = [...'abcdefghijk'];
		const lines = names.map((name, index) => {
			const item = index === 0 ? 'x' : `*${names[index - 1]}`;
			return `${name}: &${name} [${Array.from({length: 9}, () => item).join(', ')}]`;
		});
		expect(parseError(yaml(...lines)).message).toBe(
			'~/.config/irtop/config.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack',
		);
	});

	it('rejects a file that is not a mapping', () => {
		const error = parseError(yaml('- prometheus', '- redis'));
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:1:1: expected a mapping of settings (key: value) at the top level',
		);
	});
});

describe('unknown keys', () => {
	it('names the key, its line, and the closest known key', () => {
		const error = parseError(yaml('prometheus:', '  url: http://p:9090', '  errorTreshold: 0.05'));
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:3:3: prometheus.errorTreshold: unknown key; did you mean "errorThreshold"?',
		);
		expect(error.field).toBe('prometheus.errorTreshold');
		expect([error.line, error.column]).toEqual([3, 3]);
	});

	it('suggests the camelCase key for a snake_case one', () => {
		expect(parseError(yaml('refresh_seconds: 5')).message).toBe(
			'~/.config/irtop/config.yaml:1:1: refresh_seconds: unknown key; did you mean "refreshSeconds"?',
		);
	});

	it('makes no suggestion when nothing is close', () => {
		expect(parseError(yaml('grafana:', '  url: http://g')).message).toBe(
			'~/.config/irtop/config.yaml:1:1: grafana: unknown key',
		);
	});

	it('suggests keys inside the mapping form of a union (kafka.ssl)', () => {
		const error = parseError(yaml('kafka:', '  ssl:', '    caFile: /etc/ca.pem'));
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:3:5: kafka.ssl.caFile: unknown key; did you mean "ca"?',
		);
	});

	it('reports every unknown key, in file order', () => {
		const error = parseError(yaml('redis:', '  uri: redis://r', 'postgress:', '  host: db'));
		expect(error.issues.map((issue) => issue.message)).toEqual([
			'~/.config/irtop/config.yaml:2:3: redis.uri: unknown key; did you mean "url"?',
			'~/.config/irtop/config.yaml:3:1: postgress: unknown key; did you mean "postgres"?',
		]);
		expect(error.message).toBe(`${error.issues[0]?.message} (and 1 more)`);
	});

	it('orders problems by place: environment first, then file order', () => {
		const error = parseError(yaml('redis:', '  url: 5', 'refreshSeconds: soon'), {PGPORT: 'x'});
		expect(error.issues.map((issue) => issue.field)).toEqual([
			'postgres.port',
			'redis.url',
			'refreshSeconds',
		]);
	});
});

describe('wrong types and values', () => {
	it('names the field and the line of the value', () => {
		const error = parseError(
			yaml('refreshSeconds: 2', 'prometheus:', '  url: http://p:9090', '  errorThreshold: high'),
		);
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:4:19: prometheus.errorThreshold: expected a number, got "high"',
		);
		expect(error.field).toBe('prometheus.errorThreshold');
		expect(error.file).toBe('/home/oncall/.config/irtop/config.yaml');
		expect([error.line, error.column]).toEqual([4, 19]);
		expect(String(error)).toBe(`ConfigError: ${error.message}`);
	});

	it('checks ranges', () => {
		expect(parseError(yaml('refreshSeconds: 0')).message).toBe(
			'~/.config/irtop/config.yaml:1:17: refreshSeconds: must be greater than 0, got 0',
		);
		expect(parseError(yaml('prometheus:', '  errorThreshold: 5')).field).toBe(
			'prometheus.errorThreshold',
		);
		expect(parseError(yaml('postgres:', '  port: 70000')).message).toBe(
			'~/.config/irtop/config.yaml:2:9: postgres.port: must be a whole number from 1 to 65535, got 70000',
		);
	});

	it('lists the allowed values of an enumeration', () => {
		expect(parseError(yaml('postgres:', '  sslmode: always')).message).toBe(
			'~/.config/irtop/config.yaml:2:12: postgres.sslmode: expected one of "disable", "allow", "prefer", "require", "verify-ca", "verify-full", got "always"',
		);
	});

	it('indexes list items', () => {
		const error = parseError(
			yaml(
				'health:',
				'  - name: api',
				'    url: https://api/health',
				'  - name: web',
				'    url: ftp://web',
			),
		);
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:5:10: health[1].url: expected an http:// or https:// URL, got "ftp://web"',
		);
	});

	it('points a missing required key at its enclosing key', () => {
		const error = parseError(
			yaml('kafka:', '  brokers: [k:9092]', '  sasl:', '    mechanism: plain', '    username: u'),
		);
		expect(error.message).toBe('~/.config/irtop/config.yaml:3:3: kafka.sasl.password: required');
	});

	it('validates URLs, brokers, durations, label names and regular expressions', () => {
		expect(parseError(yaml('prometheus:', '  url: prometheus:9090')).field).toBe('prometheus.url');
		expect(parseError(yaml('redis:', '  url: http://r')).message).toContain(
			'redis.url: expected a redis:// or rediss:// URL',
		);
		expect(parseError(yaml('kafka:', '  brokers: [kafka]')).message).toBe(
			'~/.config/irtop/config.yaml:2:13: kafka.brokers[0]: expected host:port, got "kafka"',
		);
		expect(parseError(yaml('prometheus:', '  window: 5 minutes')).field).toBe('prometheus.window');
		expect(parseError(yaml('prometheus:', '  statusLabel: http-code')).field).toBe(
			'prometheus.statusLabel',
		);
		expect(parseError(yaml('kafka:', '  groups: "[abc"')).message).toBe(
			'~/.config/irtop/config.yaml:2:11: kafka.groups: not a valid regular expression (Unterminated character class), got "[abc"',
		);
	});

	it('reports the problem inside the mapping form of a union, not the union', () => {
		expect(parseError(yaml('kafka:', '  ssl:', '    ca: 5')).message).toBe(
			'~/.config/irtop/config.yaml:3:9: kafka.ssl.ca: expected a string, got 5',
		);
	});

	it('describes a value of the wrong kind for a union', () => {
		expect(parseError(yaml('kafka:', '  ssl: yes please')).message).toBe(
			'~/.config/irtop/config.yaml:2:8: kafka.ssl: expected true or false or a mapping, got a string',
		);
	});

	it('rejects duplicate health check names and conflicting namespace settings', () => {
		expect(
			parseError(
				yaml('health:', '  - {name: api, url: "http://a"}', '  - {name: api, url: "http://b"}'),
			).message,
		).toBe('~/.config/irtop/config.yaml:3:12: health[1].name: duplicate name, got "api"');
		expect(parseError(yaml('kubernetes:', '  namespace: a', '  allNamespaces: true')).field).toBe(
			'kubernetes.namespace',
		);
		// A list would have been a silent subset: it is refused by name.
		expect(parseError(yaml('kubernetes:', '  namespaces: [a, b]')).message).toBe(
			'~/.config/irtop/config.yaml:2:3: kubernetes.namespaces: unknown key; did you mean "namespace"?',
		);
	});

	it('rejects bad environment variable names for the circuit breaker', () => {
		const error = parseError(
			yaml('mitigations:', '  circuitBreaker:', '    env:', '      "1 BAD": "x"'),
		);
		expect(error.message).toBe(
			'~/.config/irtop/config.yaml:4:7: mitigations.circuitBreaker.env.1 BAD: expected an environment variable name',
		);
	});
});
