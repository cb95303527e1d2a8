const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (Math.abs(value) >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A ratio as a percentage, with the precision an error rate needs near 1 %. */
export function formatPercent(ratio: number | null): string {
	if (ratio === null) return 'no data';
	if (Number.isNaN(ratio)) return 'NaN';
	if (!Number.isFinite(ratio)) return ratio > 0 ? '+Inf' : '-Inf';
	const percent = ratio * 100;
	if (percent === 0) return '0%';
	if (percent < 0.1) return '<0.1%';
	return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** 1234 → "1.2k", 1234567 → "1.2M": lag and counts in narrow columns. */
export function formatCount(value: number): string {
	const abs = Math.abs(value);
	if (abs < 1000) return String(Math.round(value));
	if (abs < 1_000_000) return `${(value / 1000).toFixed(abs < 10_000 ? 1 : 0)}k`;
	return `${(value / 1_000_000).toFixed(abs < 10_000_000 ? 1 : 0)}M`;
}

export function formatSeconds(seconds: number | null): string {
	if (seconds === null) return 'no data';
	if (!Number.isFinite(seconds)) return Number.isNaN(seconds) ? 'NaN' : '+Inf';
	return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}
