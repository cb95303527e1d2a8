import {describe, expect, it} from 'vitest';
import {allServicesQueries, defaultQueries, serviceQueries} from '../../source/config/queries.ts';
import {parse, yaml} from './helpers.ts';

const labels = {serviceLabel: 'service', statusLabel: 'status', window: '5m'};

describe('default PromQL from the runbook', () => {
	it('builds the error ratio, request rate and p99 of one service', () => {
		expect(defaultQueries({...labels, service: 'onboarding-api'})).toEqual({
			errorRatio:
				'sum(rate(http_requests_total{service="onboarding-api",status=~"5.."}[5m])) / sum(rate(http_requests_total{service="onboarding-api"}[5m]))',
			requestRate: 'sum(rate(http_requests_total{service="onboarding-api"}[5m]))',
			p99: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="onboarding-api"}[5m])))',
		});
	});

	it('uses the configured labels and window', () => {
		const queries = defaultQueries({
			service: 'api',
			serviceLabel: 'app',
			statusLabel: 'code',
			window: '1m',
		});
		expect(queries.errorRatio).toBe(
			'sum(rate(http_requests_total{app="api",code=~"5.."}[1m])) / sum(rate(http_requests_total{app="api"}[1m]))',
		);
		expect(queries.p99).toContain('{app="api"}[1m]');
	});

	it('escapes a service name inside the PromQL string', () => {
		expect(defaultQueries({...labels, service: 'a"b\\c'}).requestRate).toBe(
			'sum(rate(http_requests_total{service="a\\"b\\\\c"}[5m]))',
		);
	});

	it('groups by service when no services are listed', () => {
		expect(allServicesQueries(labels)).toEqual({
			errorRatio:
				'sum by (service) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (service) (rate(http_requests_total[5m]))',
			requestRate: 'sum by (service) (rate(http_requests_total[5m]))',
			p99: 'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m])))',
		});
	});

	it('fills in the default for each query a listed service leaves out', () => {
		const {prometheus} = parse(
			yaml(
				'prometheus:',
				'  statusLabel: code',
				'  services:',
				'    - name: onboarding-api',
				'      p99: histogram_quantile(0.99, sum by (le) (rate(custom_bucket[5m])))',
				'    - name: kyc',
			),
		);
		const resolved = serviceQueries(prometheus);
		expect(resolved.map((service) => service.name)).toEqual(['onboarding-api', 'kyc']);
		expect(resolved[0]?.queries.p99).toBe(
			'histogram_quantile(0.99, sum by (le) (rate(custom_bucket[5m])))',
		);
		expect(resolved[0]?.queries.requestRate).toBe(
			'sum(rate(http_requests_total{service="onboarding-api"}[5m]))',
		);
		expect(resolved[1]?.queries.errorRatio).toBe(
			'sum(rate(http_requests_total{service="kyc",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="kyc"}[5m]))',
		);
		expect(serviceQueries(parse('').prometheus)).toEqual([]);
	});
});
