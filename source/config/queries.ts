import type {PrometheusConfig} from './schema.ts';

/**
 * The runbook's RED queries. The error ratio is `5xx / all` over the window;
 * Prometheus returns no sample for it when a service has traffic but no 5xx
 * at all (the numerator is empty), which callers should read as 0.
 */
export interface ServiceQueries {
	errorRatio: string;
	requestRate: string;
	p99: string;
}

export interface QueryLabels {
	serviceLabel: string;
	statusLabel: string;
	window: string;
}

// A PromQL string literal; label values come from config and may hold anything.
const quote = (value: string): string =>
	`"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;

export const defaultQueries = ({
	service,
	serviceLabel,
	statusLabel,
	window,
}: QueryLabels & {service: string}): ServiceQueries => {
	const svc = `${serviceLabel}=${quote(service)}`;
	const requests = `sum(rate(http_requests_total{${svc}}[${window}]))`;
	return {
		errorRatio: `sum(rate(http_requests_total{${svc},${statusLabel}=~"5.."}[${window}])) / ${requests}`,
		requestRate: requests,
		p99: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${svc}}[${window}])))`,
	};
};

/** One series per service (grouped by the service label): used when no services are listed. */
export const allServicesQueries = ({
	serviceLabel,
	statusLabel,
	window,
}: QueryLabels): ServiceQueries => {
	const requests = `sum by (${serviceLabel}) (rate(http_requests_total[${window}]))`;
	return {
		errorRatio: `sum by (${serviceLabel}) (rate(http_requests_total{${statusLabel}=~"5.."}[${window}])) / ${requests}`,
		requestRate: requests,
		p99: `histogram_quantile(0.99, sum by (${serviceLabel}, le) (rate(http_request_duration_seconds_bucket[${window}])))`,
	};
};

/** Each listed service with its custom queries, the runbook's default filling any that are absent. */
export const serviceQueries = (
	prometheus: PrometheusConfig,
): Array<{name: string; queries: ServiceQueries}> =>
	(prometheus.services ?? []).map((service) => {
		const defaults = defaultQueries({...prometheus, service: service.name});
		return {
			name: service.name,
			queries: {
				errorRatio: service.errorRatio ?? defaults.errorRatio,
				requestRate: service.requestRate ?? defaults.requestRate,
				p99: service.p99 ?? defaults.p99,
			},
		};
	});
