import type {PartitionLag, TopicLag} from '../../model/index.ts';

/** "topic\0partition" → offset. */
export type OffsetMap = ReadonlyMap<string, number>;

export const partitionKey = (topic: string, partition: number): string => `${topic}\0${partition}`;

/**
 * Lag exactly as `kafka-consumer-groups --describe` computes it: log-end
 * offset minus committed offset, per partition the group has committed to or
 * is assigned; no committed offset means no lag (printed "-") and counts 0.
 */
export function groupLag(
	committed: OffsetMap,
	assigned: readonly (readonly [string, number])[],
	logEnd: OffsetMap,
): {lag: number; topics: TopicLag[]} {
	const keys = new Set<string>([...committed.keys()]);
	for (const [topic, partition] of assigned) keys.add(partitionKey(topic, partition));
	const byTopic = new Map<string, PartitionLag[]>();
	for (const key of keys) {
		const [topic = '', text = '0'] = key.split('\0');
		const partition = Number(text);
		const end = logEnd.get(key);
		const done = committed.get(key) ?? null;
		// A partition whose end is unknown (topic deleted) shows like the tool: no lag.
		const lag = done === null || end === undefined ? null : Math.max(0, end - done);
		const list = byTopic.get(topic) ?? [];
		list.push({partition, committed: done, logEnd: end ?? 0, lag});
		byTopic.set(topic, list);
	}
	const topics = [...byTopic]
		.map(([topic, partitions]) => {
			partitions.sort((a, b) => a.partition - b.partition);
			return {topic, lag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0), partitions};
		})
		.sort((a, b) => a.topic.localeCompare(b.topic));
	return {lag: topics.reduce((sum, t) => sum + t.lag, 0), topics};
}
