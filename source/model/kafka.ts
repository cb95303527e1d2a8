/** Burrow-style evaluation of a consumer group over a sliding window. */
export type GroupStatus = 'OK' | 'WARN' | 'STALL' | 'STOP';

export interface PartitionLag {
	readonly partition: number;
	/** null when the group has no committed offset (kafka-consumer-groups prints "-"). */
	readonly committed: number | null;
	readonly logEnd: number;
	readonly lag: number | null;
}

export interface TopicLag {
	readonly topic: string;
	readonly lag: number;
	readonly partitions: readonly PartitionLag[];
}

export interface ConsumerGroup {
	readonly group: string;
	readonly state: string;
	readonly members: number;
	/** Sum of the partitions' lags; partitions without a committed offset count nothing. */
	readonly lag: number;
	readonly status: GroupStatus;
	readonly topics: readonly TopicLag[];
}

export interface TopicHealth {
	readonly name: string;
	readonly partitions: number;
	readonly underReplicated: number;
}

export interface KafkaData {
	readonly groups: readonly ConsumerGroup[];
	readonly topics: readonly TopicHealth[];
}
