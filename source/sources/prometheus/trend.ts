/** The last 30 minutes of each service's error ratio: seeded by query_range, extended by polls. */
export const trendWindowMs = 30 * 60_000;

export class Trends {
	readonly #points = new Map<string, [number, number][]>();

	seed(service: string, points: readonly (readonly [number, number])[]): void {
		const existing = this.#points.get(service) ?? [];
		const first = existing[0]?.[0] ?? Number.POSITIVE_INFINITY;
		// Seed only what is older than what the polls already added.
		const older = points.filter(([at]) => at < first).map(([at, v]) => [at, v] as [number, number]);
		this.#points.set(service, [...older, ...existing]);
	}

	push(service: string, at: number, value: number): void {
		const list = this.#points.get(service) ?? [];
		list.push([at, value]);
		while (list.length > 0 && (list[0]?.[0] ?? at) < at - trendWindowMs) list.shift();
		this.#points.set(service, list);
	}

	values(service: string): number[] {
		return (this.#points.get(service) ?? []).map(([, v]) => v);
	}
}
