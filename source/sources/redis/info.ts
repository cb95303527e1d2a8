/** `INFO`'s `key:value` lines (sections and comments skipped). */
export function parseInfo(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const line of text.split(/\r?\n/)) {
		if (line === '' || line.startsWith('#')) continue;
		const colon = line.indexOf(':');
		if (colon > 0) out.set(line.slice(0, colon), line.slice(colon + 1));
	}
	return out;
}

export const infoNumber = (info: Map<string, string>, key: string): number => {
	const value = Number(info.get(key));
	return Number.isFinite(value) ? value : 0;
};
