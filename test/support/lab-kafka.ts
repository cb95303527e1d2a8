// Parsing Kafka's own tools' output, to compare client libraries with them.

export interface GroupRow {
	readonly group: string;
	readonly topic: string;
	readonly partition: number;
	/** null where the tool prints `-` (no committed offset). */
	readonly current: number | null;
	readonly logEnd: number;
	readonly lag: number | null;
}

const numberOrNull = (cell: string | undefined) =>
	cell === undefined || cell === '-' ? null : Number(cell);

/** Rows of `kafka-consumer-groups --describe` (GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG …). */
export function parseGroupDescribe(output: string): GroupRow[] {
	const rows: GroupRow[] = [];
	for (const line of output.split('\n')) {
		const cells = line.trim().split(/\s+/);
		if (cells.length < 6 || cells[0] === 'GROUP' || !/^\d+$/.test(cells[2] ?? '')) continue;
		rows.push({
			group: cells[0] ?? '',
			topic: cells[1] ?? '',
			partition: Number(cells[2]),
			current: numberOrNull(cells[3]),
			logEnd: Number(cells[4]),
			lag: numberOrNull(cells[5]),
		});
	}
	return rows;
}
