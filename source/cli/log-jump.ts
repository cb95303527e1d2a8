/**
 * Whether the log store's ERRORs per minute jumped: the newest two minutes
 * (the last one is still filling) against the median of the half hour before
 * them. A median, not a mean, so one earlier burst does not hide the next;
 * both a ratio and a floor, so 0 → 2 ERRORs a minute is no jump.
 */
export function errorJump(perMinute: readonly number[]): {
	readonly recent: number;
	readonly usual: number;
	readonly jumped: boolean;
	readonly settled: boolean;
} {
	const recent = Math.max(0, ...perMinute.slice(-2));
	const before = perMinute.slice(-32, -2).toSorted((a, b) => a - b);
	const usual = before.length === 0 ? 0 : (before[Math.floor(before.length / 2)] ?? 0);
	return {
		recent,
		usual,
		jumped: recent >= 3 * usual && recent - usual >= 10,
		// Hysteresis: back under half the jump's threshold, so a rate hovering at it records once.
		settled: recent < 1.5 * usual + 5,
	};
}
