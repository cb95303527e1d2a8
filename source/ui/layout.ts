import type {PanelId} from './panel-ids.ts';

export const minColumns = 80;
export const minRows = 24;

/** Reading order of the 3×3 grid: what is wrong, where, and what was done. */
export const gridOrder: readonly (readonly PanelId[])[] = [
	['errors', 'alerts', 'pods'],
	['deployments', 'events', 'nodes'],
	['db', 'kafka', 'timeline'],
];

export interface PanelBox {
	readonly id: PanelId;
	readonly width: number;
	/** Including the title line. */
	readonly height: number;
}

export type Layout =
	| {readonly kind: 'too-small'; readonly columns: number; readonly rows: number}
	| {readonly kind: 'grid'; readonly rows: readonly (readonly PanelBox[])[]}
	| {readonly kind: 'zoom'; readonly box: PanelBox};

/** Header (2 lines) and status bar (1 line) take this much of the height. */
export const chromeRows = 3;

/** The screen between the header and the status bar, where the grid, a zoomed panel or an overlay goes. */
export function bodySize(layout: Layout): {readonly width: number; readonly height: number} {
	switch (layout.kind) {
		case 'too-small':
			return {width: layout.columns, height: Math.max(0, layout.rows - chromeRows)};
		case 'zoom':
			return {width: layout.box.width, height: layout.box.height};
		case 'grid': {
			const first = layout.rows[0] ?? [];
			return {
				// Widths plus the one-space gaps between columns.
				width: first.reduce((sum, box) => sum + box.width, 0) + Math.max(0, first.length - 1),
				height: layout.rows.reduce((sum, row) => sum + (row[0]?.height ?? 0), 0),
			};
		}
	}
}

/** Splits `total` into `parts` sizes that differ by at most one and add up. */
function split(total: number, parts: number): number[] {
	return Array.from(
		{length: parts},
		(_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
	);
}

export function computeLayout(columns: number, rows: number, zoomed: PanelId | null): Layout {
	if (columns < minColumns || rows < minRows) return {kind: 'too-small', columns, rows};
	const body = rows - chromeRows;
	if (zoomed) return {kind: 'zoom', box: {id: zoomed, width: columns, height: body}};
	// One space between columns.
	const widths = split(columns - (gridOrder[0]!.length - 1), gridOrder[0]!.length);
	const heights = split(body, gridOrder.length);
	return {
		kind: 'grid',
		rows: gridOrder.map((ids, r) =>
			ids.map((id, c) => ({id, width: widths[c]!, height: heights[r]!})),
		),
	};
}
