import stringWidth, {isNarrow} from './text-width.ts';

/** Pads or cuts `text` to exactly `width` terminal cells (wide characters count double). */
export function fitWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	// One cell per character (ASCII and the like): the common case, and the cheap one.
	if (isNarrow(text)) {
		if (text.length <= width) {
			const pad = ' '.repeat(width - text.length);
			return align === 'left' ? text + pad : pad + text;
		}
		return `${text.slice(0, width - 1)}…`;
	}
	const cells = stringWidth(text);
	if (cells === width) return text;
	if (cells < width) {
		const pad = ' '.repeat(width - cells);
		return align === 'left' ? text + pad : pad + text;
	}
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = stringWidth(char);
		if (used + w > width - 1) break;
		out += char;
		used += w;
	}
	return `${out}…${' '.repeat(Math.max(0, width - 1 - used))}`;
}

/** Cuts `text` into rows of at most `width` cells, wide characters kept whole. */
export function wrapWidth(text: string, width: number): string[] {
	if (width <= 0) return [];
	const rows: string[] = [];
	let row = '';
	let used = 0;
	for (const char of text) {
		const w = isNarrow(char) ? 1 : stringWidth(char);
		if (used + w > width) {
			rows.push(row);
			row = '';
			used = 0;
		}
		row += char;
		used += w;
	}
	rows.push(row);
	return rows;
}

export interface Column<Row> {
	readonly header: string;
	readonly width: number;
	readonly align?: 'left' | 'right';
	readonly value: (row: Row) => string;
}

/** One row of fixed-width cells separated by a space. */
export function formatRow<Row>(columns: readonly Column<Row>[], row: Row): string {
	return columns.map((c) => fitWidth(c.value(row), c.width, c.align)).join(' ');
}

export function formatHeader<Row>(columns: readonly Column<Row>[]): string {
	return columns.map((c) => fitWidth(c.header, c.width, c.align)).join(' ');
}
