import type {Column} from '../../format/table.ts';

/**
 * Drops optional columns from the right until the row fits `width` with the
 * flexible column at its minimum (its `width`), then gives what is left over
 * to the flexible column, so a panel reads well at 26 cells and at 200.
 */
export function fitColumns<Row>(
	columns: readonly (Column<Row> & {readonly optional?: boolean; readonly flex?: boolean})[],
	width: number,
): Column<Row>[] {
	const chosen = [...columns];
	const total = () => chosen.reduce((sum, c) => sum + c.width, 0) + Math.max(0, chosen.length - 1);
	while (total() > width) {
		const index = chosen.findLastIndex((c) => c.optional);
		if (index === -1) break;
		chosen.splice(index, 1);
	}
	const spare = width - total();
	const flex = chosen.findIndex((c) => c.flex);
	if (flex !== -1) {
		const column = chosen[flex]!;
		chosen[flex] = {...column, width: Math.max(1, column.width + spare)};
	}
	return chosen;
}
