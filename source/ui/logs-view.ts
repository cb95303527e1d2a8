/** A bound on the scroll state; the view clamps it to the lines it has (a source keeps ~2,000). */
export const maxLogScroll = 100_000;

/**
 * The lines of a log the view shows: those matching the search, then the
 * window `rows` high that ends `scroll` lines above the newest.
 */
export function logWindow(
	lines: readonly string[],
	search: string,
	rows: number,
	scroll: number,
): {readonly shown: readonly string[]; readonly matching: number; readonly scroll: number} {
	const needle = search.toLowerCase();
	const matching = needle === '' ? lines : lines.filter((l) => l.toLowerCase().includes(needle));
	const top = Math.max(0, matching.length - rows);
	const clamped = Math.min(scroll, top);
	const end = matching.length - clamped;
	return {
		shown: matching.slice(Math.max(0, end - rows), end),
		matching: matching.length,
		scroll: clamped,
	};
}
