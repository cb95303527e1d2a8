export interface HealthCheckResult {
	readonly name: string;
	readonly ok: boolean;
	readonly latencyMs: number | null;
	/** Status code, answer or error, short enough for one cell. */
	readonly detail: string;
	/** Days until the TLS certificate expires, for https checks. */
	readonly certDaysLeft: number | null;
}

export type HealthData = readonly HealthCheckResult[];
