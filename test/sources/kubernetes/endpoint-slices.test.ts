import type {V1EndpointSlice} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {
	EndpointlessServices,
	slimEndpointSlice,
} from '../../../source/sources/kubernetes/endpoint-slices.ts';

const slice = (
	service: string,
	ready: (boolean | undefined)[],
	trigger?: string,
	namespace = 'business-onboarding',
): V1EndpointSlice => ({
	addressType: 'IPv4',
	metadata: {
		name: `${service}-${ready.length}x`,
		namespace,
		labels: {
			'kubernetes.io/service-name': service,
			'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
		},
		...(trigger
			? {annotations: {'endpoints.kubernetes.io/last-change-trigger-time': trigger}}
			: {}),
	},
	endpoints: ready.map((r, i) => ({
		addresses: [`10.244.1.${i + 10}`],
		conditions: r === undefined ? {} : {ready: r},
		targetRef: {kind: 'Pod', name: `pod-${i}`},
	})),
	ports: [{name: 'main', port: 8080, protocol: 'TCP'}],
});

describe('services without a ready endpoint', () => {
	it('a service is flagged only when none of its slices has a ready endpoint', () => {
		const rows = new EndpointlessServices().rows(
			[
				slice('document-parser', [false], '2026-12-06T18:00:00Z'),
				slice('onboarding-api', [true, false]),
				// A second slice of the same Service with a ready endpoint keeps it served.
				slice('payments-api', [false]),
				slice('payments-api', [true]),
				// Nil ready means ready (the API's own rule).
				slice('grafana', [undefined]),
				slice('nothing-matches', []),
			],
			Date.parse('2026-12-06T18:10:00Z'),
		);
		expect(rows).toEqual([
			{
				namespace: 'business-onboarding',
				name: 'document-parser',
				notReady: 1,
				since: Date.parse('2026-12-06T18:00:00Z'),
			},
			{
				namespace: 'business-onboarding',
				name: 'nothing-matches',
				notReady: 0,
				since: Date.parse('2026-12-06T18:10:00Z'),
			},
		]);
	});

	it('without a trigger time, since is when it was first seen so, and is forgotten once served', () => {
		const services = new EndpointlessServices();
		expect(services.rows([slice('api', [false])], 1000)[0]?.since).toBe(1000);
		expect(services.rows([slice('api', [false])], 5000)[0]?.since).toBe(1000);
		expect(services.rows([slice('api', [true])], 6000)).toEqual([]);
		expect(services.rows([slice('api', [false])], 9000)[0]?.since).toBe(9000);
	});

	it('slimming keeps what the rows read and drops addresses and ports', () => {
		const s = slice('document-parser', [false, true], '2026-12-06T18:00:00Z');
		const before = new EndpointlessServices().rows([structuredClone(s)], 0);
		slimEndpointSlice(s);
		expect(s.endpoints?.[0]?.addresses).toEqual([]);
		expect(s.endpoints?.[0]?.targetRef).toBeUndefined();
		expect(s.ports).toBeUndefined();
		expect(s.metadata?.labels).toEqual({'kubernetes.io/service-name': 'document-parser'});
		expect(new EndpointlessServices().rows([s], 0)).toEqual(before);
	});
});
