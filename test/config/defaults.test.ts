import {describe, expect, it} from 'vitest';
import {parse} from './helpers.ts';

describe('defaults from the runbook', () => {
	const config = parse('');

	it('refreshes every 2 seconds', () => {
		expect(config.refreshSeconds).toBe(2);
		expect(config.author).toBeUndefined();
	});

	it('alerts on a 5xx ratio above 1 % over 5 minutes, by service and status labels', () => {
		expect(config.prometheus).toEqual({
			serviceLabel: 'service',
			statusLabel: 'status',
			errorThreshold: 0.01,
			window: '5m',
		});
	});

	it('times PostgreSQL checks the way the runbook does', () => {
		expect(config.postgres).toEqual({
			statementTimeoutMs: 2000,
			longQuerySeconds: 5,
			idleMinutes: 30,
		});
	});

	it('names the Kafka client irtop and watches configured namespaces only', () => {
		expect(config.kafka).toEqual({clientId: 'irtop'});
		expect(config.kubernetes).toEqual({allNamespaces: false});
	});

	it('has no health checks and no source URLs', () => {
		expect(config.health).toEqual([]);
		expect(config.alertmanager).toEqual({});
		expect(config.redis).toEqual({});
	});

	it('uses the vendors’ API endpoints for the integrations', () => {
		expect(config.integrations).toEqual({
			slack: {},
			statuspage: {provider: 'statuspage'},
			pagerduty: {url: 'https://api.pagerduty.com'},
		});
	});

	it('targets the runbook’s mitigations', () => {
		expect(config.mitigations).toEqual({
			circuitBreaker: {env: {CIRCUIT_BREAKER_ENABLED: 'true', CIRCUIT_BREAKER_THRESHOLD: '5'}},
			rateLimit: {
				namespace: 'platform-ingress',
				configMap: 'ingress-nginx-controller',
				deployment: 'ingress-nginx-controller',
				key: 'limit-rps',
			},
			defaultTarget: {namespace: 'business-onboarding', deployment: 'onboarding-api'},
		});
	});

	it('escalates to the runbook’s contacts', () => {
		expect(config.escalation).toEqual({
			oncall: '@oncall',
			platformLead: '@platform-lead',
			cto: '@cto',
			securityLead: '@security-lead',
		});
	});

	it('keeps defaults for keys a section leaves out, and gives each parse its own objects', () => {
		const custom = parse(
			'prometheus: {window: 1m}\nmitigations: {circuitBreaker: {env: {BREAKER: "on"}}}\n',
		);
		expect(custom.prometheus.window).toBe('1m');
		expect(custom.prometheus.errorThreshold).toBe(0.01);
		expect(custom.mitigations.circuitBreaker.env).toEqual({BREAKER: 'on'});
		const first = parse('');
		first.mitigations.circuitBreaker.env.EXTRA = 'x';
		expect(parse('').mitigations.circuitBreaker.env).not.toHaveProperty('EXTRA');
	});

	it('treats a section with every line commented out as absent', () => {
		expect(parse('postgres:\n#  host: db\nredis:\n').postgres.statementTimeoutMs).toBe(2000);
	});
});
