export interface HealthCheckResult {
	readonly name: string;
	readonly ok: boolean;
	readonly latencyMs: number | null;
	/** Status code, answer or error, short enough for one cell. */
	readonly detail: string;
	/** Days until the TLS certificate expires, for https checks. */
	readonly certDaysLeft: number | null;
	/** What kind of check: http (health:), postgres, redis, kafka, ready, or a configured command, url or tcp. */
	readonly kind?: string;
	/** A configured command's output (its last 64 KiB, sanitised), shown from the strip. */
	readonly output?: string;
}

export type HealthData = readonly HealthCheckResult[];
