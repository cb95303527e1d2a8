// Seeds the runbook's Kafka world: topics, messages, and consumer groups
// whose committed offsets trail the log end (real lag, as
// kafka-consumer-groups --describe reports it). The groups really consume
// and commit, then leave.
import {Kafka, logLevel} from 'kafkajs';

export const seededTopics = [
	{topic: 'onboarding-events', partitions: 3, messagesPerPartition: 120},
	{topic: 'payments', partitions: 2, messagesPerPartition: 50},
	{topic: 'notifications', partitions: 1, messagesPerPartition: 40},
] as const;

/** Committed offset per partition; lag = messagesPerPartition − committed. */
export const seededGroups = [
	{group: 'onboarding-workers', topic: 'onboarding-events', committed: [100, 90, 80]},
	{group: 'payments-processor', topic: 'payments', committed: [50, 50]},
	{group: 'notifications-dispatcher', topic: 'notifications', committed: [25]},
] as const;

export function kafkaClient(broker: string, clientId = 'irtop-lab'): Kafka {
	return new Kafka({
		clientId,
		brokers: [broker],
		logLevel: logLevel.NOTHING,
		retry: {retries: 5, initialRetryTime: 200},
	});
}

async function consumeUntil(
	kafka: Kafka,
	group: string,
	topic: string,
	committed: readonly number[],
): Promise<void> {
	const consumer = kafka.consumer({
		groupId: group,
		sessionTimeout: 10_000,
		rebalanceTimeout: 10_000,
	});
	const remaining = new Set(committed.map((_, partition) => partition));
	await consumer.connect();
	try {
		await consumer.subscribe({topic, fromBeginning: true});
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`${group}: consuming took over 60 s`)),
				60_000,
			);
			consumer
				.run({
					autoCommit: false,
					eachMessage: async ({partition, message}) => {
						const target = committed[partition] ?? 0;
						const next = Number(message.offset) + 1;
						if (next > target || !remaining.has(partition)) return;
						if (next === target) {
							await consumer.commitOffsets([{topic, partition, offset: String(target)}]);
							consumer.pause([{topic, partitions: [partition]}]);
							remaining.delete(partition);
							if (remaining.size === 0) {
								clearTimeout(timer);
								resolve();
							}
						}
					},
				})
				.catch(reject);
		});
	} finally {
		await consumer.disconnect();
	}
}

export async function seedKafka(broker: string, log: (line: string) => void): Promise<void> {
	const kafka = kafkaClient(broker, 'irtop-lab-seed');
	const admin = kafka.admin();
	await admin.connect();
	try {
		const existing = await admin.listTopics();
		if (existing.includes(seededTopics[0].topic)) {
			log(`  ${broker}: already seeded`);
			return;
		}
		await admin.createTopics({
			waitForLeaders: true,
			topics: seededTopics.map(({topic, partitions}) => ({topic, numPartitions: partitions})),
		});
	} finally {
		await admin.disconnect();
	}
	const producer = kafka.producer({allowAutoTopicCreation: false});
	await producer.connect();
	try {
		for (const {topic, partitions, messagesPerPartition} of seededTopics) {
			for (let partition = 0; partition < partitions; partition++) {
				await producer.send({
					topic,
					messages: Array.from({length: messagesPerPartition}, (_, i) => ({
						partition,
						key: `case-${i}`,
						value: JSON.stringify({seq: i, topic, at: new Date().toISOString()}),
					})),
				});
			}
		}
	} finally {
		await producer.disconnect();
	}
	await Promise.all(
		seededGroups.map(({group, topic, committed}) => consumeUntil(kafka, group, topic, committed)),
	);
}
