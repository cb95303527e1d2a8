/** df's numbers as df prints them: pure, so the panel, the demo and the test against df agree. */

/** df's percentage: rounded up, so 84.1 % is shown as 85 % and a nearly full disk never reads as less. */
export function dfPercent(used: number, available: number): number | null {
	const total = used + available;
	if (total <= 0) return null;
	const hundred = BigInt(used) * 100n;
	const whole = hundred / BigInt(total);
	return Number(whole + (hundred % BigInt(total) === 0n ? 0n : 1n));
}

/**
 * df -h's sizes: powers of 1024, rounded up, one decimal below 10 ("4.0K",
 * "18G"), so the panel and the runbook's `df -h` read the same.
 */
export function dfHuman(bytes: number): string {
	const units = ['K', 'M', 'G', 'T', 'P', 'E'];
	const amount = BigInt(Math.max(0, Math.round(bytes)));
	if (amount < 1024n) return String(amount);
	let power = 0;
	let divisor = 1024n;
	while (power < units.length - 1 && amount >= divisor * 1024n) {
		power++;
		divisor *= 1024n;
	}
	const ceil = (n: bigint, d: bigint) => (n + d - 1n) / d;
	const tenths = ceil(amount * 10n, divisor);
	if (tenths < 100n) return `${tenths / 10n}.${tenths % 10n}${units[power]}`;
	const whole = ceil(amount, divisor);
	// Rounding up can reach the next unit (1023.5K is "1.0M").
	if (whole >= 1024n && power < units.length - 1) return `1.0${units[power + 1]}`;
	return `${whole}${units[power]}`;
}
