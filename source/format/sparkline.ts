const bars = '▁▂▃▄▅▆▇█';

/**
 * The last values as a line of `width` block characters. Older points are
 * averaged into buckets so a 30-minute history fits a narrow column; the
 * scale starts at zero so a flat low line does not look like a spike.
 */
export function sparkline(values: readonly number[], width: number, max?: number): string {
	if (width <= 0 || values.length === 0) return '';
	const buckets = bucket(values, width);
	const top = max ?? Math.max(...buckets);
	if (top <= 0) return bars[0]!.repeat(buckets.length);
	return buckets
		.map((value) => bars[Math.min(bars.length - 1, Math.round((value / top) * (bars.length - 1)))])
		.join('');
}

function bucket(values: readonly number[], width: number): number[] {
	if (values.length <= width) return [...values];
	const out: number[] = [];
	const size = values.length / width;
	for (let i = 0; i < width; i++) {
		const slice = values.slice(Math.floor(i * size), Math.floor((i + 1) * size));
		out.push(slice.reduce((sum, v) => sum + v, 0) / Math.max(1, slice.length));
	}
	return out;
}
