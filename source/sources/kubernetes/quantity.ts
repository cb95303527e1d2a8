const suffixes: Record<string, number> = {
	n: 1e-9,
	u: 1e-6,
	m: 1e-3,
	'': 1,
	k: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	P: 1e15,
	E: 1e18,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
	Pi: 2 ** 50,
	Ei: 2 ** 60,
};

/** A Kubernetes quantity ("250m", "1Gi", "1e3") as a number of base units; null when unreadable. */
export function quantity(text: unknown): number | null {
	if (typeof text !== 'string') return null;
	const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(text.trim());
	if (!match) return null;
	const factor = suffixes[match[2] ?? ''];
	const value = Number(match[1]);
	return factor === undefined || Number.isNaN(value) ? null : value * factor;
}
