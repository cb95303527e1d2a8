import {allServicesQueries, type PrometheusConfig, serviceQueries} from '../../config/index.ts';
import type {Series} from './client.ts';

/** The three RED queries to send, and how to read a service name out of each series. */
export interface QueryPlan {
	readonly kind: 'listed' | 'all';
	readonly queries: readonly {
		readonly service: string | null;
		readonly errorRatio: string;
		readonly requestRate: string;
		readonly p99: string;
	}[];
	readonly serviceLabel: string;
}

export function queryPlan(config: PrometheusConfig): QueryPlan {
	const listed = serviceQueries(config);
	if (listed.length > 0) {
		return {
			kind: 'listed',
			queries: listed.map(({name, queries}) => ({service: name, ...queries})),
			serviceLabel: config.serviceLabel,
		};
	}
	return {
		kind: 'all',
		queries: [{service: null, ...allServicesQueries(config)}],
		serviceLabel: config.serviceLabel,
	};
}

/** Series by service: a listed service owns its whole answer; otherwise the label names it. */
export function byService(
	series: readonly Series[],
	service: string | null,
	label: string,
): Map<string, Series> {
	const out = new Map<string, Series>();
	for (const s of series) {
		const name = service ?? s.labels[label];
		if (name !== undefined && !out.has(name)) out.set(name, s);
	}
	return out;
}
