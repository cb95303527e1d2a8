import {type Document, isAlias, isMap, isScalar, isSeq, type LineCounter} from 'yaml';

export interface Position {
	readonly line: number;
	readonly column: number;
}

const startOf = (node: unknown): number | null =>
	(node as {range?: readonly number[]} | null | undefined)?.range?.[0] ?? null;

/**
 * Where a schema path is in the YAML source. `key` points at a mapping key
 * (unknown keys), `value` at what was written for it (wrong values). When the
 * path does not exist (a required key is missing), the nearest enclosing key
 * or list item is the best place to send the reader.
 */
export const locate = (
	document: Document,
	lineCounter: LineCounter,
	path: readonly PropertyKey[],
	target: 'key' | 'value',
): Position | null => {
	const at = (offset: number | null): Position | null => {
		if (offset === null) {
			return null;
		}
		const {line, col} = lineCounter.linePos(offset);
		return {line, column: col};
	};
	let node: unknown = document.contents;
	let enclosing: number | null = null;
	let valueStart: number | null = null;
	for (const segment of path) {
		if (isAlias(node)) {
			node = node.resolve(document);
		}
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(segment),
			);
			if (pair === undefined) {
				return at(enclosing);
			}
			enclosing = startOf(pair.key);
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
			node = node.items[segment];
			enclosing = startOf(node);
		} else {
			return at(enclosing);
		}
		valueStart = startOf(node);
	}
	return at(target === 'value' ? (valueStart ?? enclosing) : enclosing);
};
