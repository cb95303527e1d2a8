import {type PanelId, panelAliases, panelIds} from './panel-ids.ts';

/** Panel names starting with what was typed, canonical names first. */
export function jumpCompletions(text: string): string[] {
	const typed = text.trim().toLowerCase();
	const names = panelIds.flatMap((id) => panelAliases[id]);
	return names
		.filter((name) => name.startsWith(typed))
		.toSorted((a, b) => a.length - b.length || a.localeCompare(b));
}

/** The panel a `:` command names: an exact alias, or a prefix that names one panel only. */
export function resolveJump(text: string): PanelId | null {
	const typed = text.trim().toLowerCase();
	if (typed === '') return null;
	const exact = panelIds.find((id) => panelAliases[id].includes(typed));
	if (exact) return exact;
	const candidates = new Set(
		panelIds.filter((id) => panelAliases[id].some((name) => name.startsWith(typed))),
	);
	return candidates.size === 1 ? ([...candidates][0] ?? null) : null;
}

/** Tab: the longest common prefix of the completions. */
export function completeJump(text: string): string {
	const options = jumpCompletions(text);
	if (options.length === 0) return text;
	let prefix = options[0]!;
	for (const option of options) while (!option.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix.length > text.length ? prefix : text;
}
