const normalize = (key: string): string => key.toLowerCase().replaceAll(/[-_\s]/g, '');

const distance = (a: string, b: string): number => {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (const [i, charA] of [...a].entries()) {
		const current = [i + 1];
		for (const [j, charB] of [...b].entries()) {
			current.push(
				Math.min(
					(previous[j + 1] ?? 0) + 1,
					(current[j] ?? 0) + 1,
					(previous[j] ?? 0) + (charA === charB ? 0 : 1),
				),
			);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
};

/**
 * The known key a mistyped one most likely meant: same key in another case or
 * with `_`/`-` (`error_threshold`), a prefix (`webhook` → `webhookUrl`) or a
 * small typo (`errorTreshold`). Null rather than a far-fetched guess.
 */
export const closestKey = (unknown: string, known: readonly string[]): string | null => {
	const wanted = normalize(unknown);
	const same = known.find((key) => normalize(key) === wanted);
	if (same !== undefined) {
		return same;
	}
	let best: {key: string; score: number} | null = null;
	for (const key of known) {
		const candidate = normalize(key);
		const limit = Math.max(wanted.length, candidate.length) >= 6 ? 2 : 1;
		const typo = distance(wanted, candidate);
		const prefix =
			wanted.length >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate));
		// A close typo beats a prefix (`service` is `services`, not `serviceLabel`).
		const score = typo <= limit ? typo : prefix ? limit + 0.5 : Number.POSITIVE_INFINITY;
		if (score < (best?.score ?? Number.POSITIVE_INFINITY)) {
			best = {key, score};
		}
	}
	return best?.key ?? null;
};
