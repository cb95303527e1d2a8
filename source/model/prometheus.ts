export interface ServiceRates {
	readonly name: string;
	/** 5xx requests over all requests, 0..1; null when Prometheus has no data. */
	readonly errorRatio: number | null;
	/** Requests per second. */
	readonly requestRate: number | null;
	readonly p99Seconds: number | null;
	/** The last 30 minutes of errorRatio, oldest first (real sources: query_range, then each poll). */
	readonly trend?: readonly number[];
}

export interface PrometheusData {
	readonly services: readonly ServiceRates[];
	/** Error ratio past which a service is in trouble (the runbook's 1 %). */
	readonly threshold: number;
}
