// Kubernetes resource quantities ("250m", "1.5", "512Mi", "1G") to numbers and
// back, enough for the lab's simulated usage.
const suffixes: Record<string, number> = {
	n: 1e-9,
	u: 1e-6,
	m: 1e-3,
	'': 1,
	k: 1e3,
	K: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
};

/** A quantity in base units: cores for CPU, bytes for memory. */
export function parseQuantity(text: string | number | undefined): number | undefined {
	if (text === undefined) return undefined;
	if (typeof text === 'number') return text;
	const match = /^([0-9.]+(?:e[0-9]+)?)([a-zA-Z]*)$/.exec(text.trim());
	if (!match) return undefined;
	const factor = suffixes[match[2] ?? ''];
	return factor === undefined ? undefined : Number(match[1]) * factor;
}

/** Cores as metrics-server writes them: nanocores. */
export function formatCpu(cores: number): string {
	return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Bytes as metrics-server writes them: kibibytes. */
export function formatMemory(bytes: number): string {
	return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
