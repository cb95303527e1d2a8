// kafkajs (irtop's Kafka client) against the lab's 4.x broker and, when the
// lab runs it, the 3.9 one: admin offsets and groups, produce and consume;
// and the same numbers from Kafka's own kafka-consumer-groups.
import {Kafka, logLevel} from 'kafkajs';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeLab, type KafkaDetails, type Lab, tool, unique} from '../support/lab.ts';
import {parseGroupDescribe} from '../support/lab-kafka.ts';

function kafkaSuite(server: 'kafka' | 'kafka39', details: (lab: Lab) => KafkaDetails) {
	describeLab(`lab ${server} through kafkajs and Kafka's tools`, [server], (lab) => {
		const broker = details(lab);
		const kafka = new Kafka({
			clientId: 'irtop-test',
			brokers: broker.brokers,
			logLevel: logLevel.NOTHING,
		});
		const admin = kafka.admin();
		const topic = unique('test-topic');
		const group = unique('test-group');

		beforeAll(async () => {
			await admin.connect();
			await admin.createTopics({topics: [{topic, numPartitions: 2}], waitForLeaders: true});
		});
		afterAll(async () => {
			await admin.deleteTopics({topics: [topic]}).catch(() => {});
			await admin.deleteGroups([group]).catch(() => {});
			await admin.disconnect();
		});

		it('produces, then consumes and commits fewer than it produced', async () => {
			const producer = kafka.producer();
			await producer.connect();
			for (const partition of [0, 1]) {
				await producer.send({
					topic,
					messages: Array.from({length: 10}, (_, i) => ({partition, value: `m${i}`})),
				});
			}
			await producer.disconnect();

			const consumer = kafka.consumer({groupId: group});
			await consumer.connect();
			await consumer.subscribe({topic, fromBeginning: true});
			let seen = 0;
			await new Promise<void>((resolve) => {
				consumer.run({
					autoCommit: false,
					eachMessage: async ({partition, message}) => {
						seen += 1;
						// Commit 6 of 10 on partition 0 and 4 of 10 on partition 1.
						const stop = partition === 0 ? 6 : 4;
						if (Number(message.offset) + 1 === stop) {
							await consumer.commitOffsets([{topic, partition, offset: String(stop)}]);
						}
						if (seen === 20) resolve();
					},
				});
			});
			const described = await admin.describeGroups([group]);
			expect(described.groups[0]?.state).toBe('Stable');
			expect(described.groups[0]?.members).toHaveLength(1);
			await consumer.disconnect();
		});

		it('reads offsets with fetchOffsets and fetchTopicOffsets, as kafka-consumer-groups does', async () => {
			const committed = await admin.fetchOffsets({groupId: group, topics: [topic]});
			const ends = await admin.fetchTopicOffsets(topic);
			const byPartition = (p: number) => ({
				committed: Number(committed[0]?.partitions.find((x) => x.partition === p)?.offset),
				end: Number(ends.find((x) => x.partition === p)?.high),
			});
			expect(byPartition(0)).toEqual({committed: 6, end: 10});
			expect(byPartition(1)).toEqual({committed: 4, end: 10});

			const rows = parseGroupDescribe(
				await tool(broker.tools.consumerGroups, [
					'--bootstrap-server',
					broker.brokers[0] ?? '',
					'--describe',
					'--group',
					group,
				]),
			);
			expect(rows.map((r) => [r.partition, r.current, r.logEnd, r.lag]).sort()).toEqual([
				[0, 6, 10, 4],
				[1, 4, 10, 6],
			]);
			const described = await admin.describeGroups([group]);
			expect(described.groups[0]?.state).toBe('Empty');
		});

		it('sees the seeded groups with their lag, equal to kafka-consumer-groups', async () => {
			const rows = parseGroupDescribe(
				await tool(broker.tools.consumerGroups, [
					'--bootstrap-server',
					broker.brokers[0] ?? '',
					'--describe',
					'--group',
					'payments-processor',
					'--group',
					'notifications-dispatcher',
				]),
			);
			const lag = (g: string) =>
				rows.filter((r) => r.group === g).reduce((sum, r) => sum + (r.lag ?? 0), 0);
			expect(lag('payments-processor')).toBe(0);
			expect(lag('notifications-dispatcher')).toBe(15);
			const committed = await admin.fetchOffsets({
				groupId: 'notifications-dispatcher',
				topics: ['notifications'],
			});
			expect(committed[0]?.partitions[0]?.offset).toBe('25');
		});

		it('answers kafka-topics and kafka-broker-api-versions', async () => {
			const topics = await tool(broker.tools.topics, [
				'--bootstrap-server',
				broker.brokers[0] ?? '',
				'--list',
			]);
			expect(topics.split('\n')).toEqual(
				expect.arrayContaining(['onboarding-events', 'payments', topic]),
			);
			const versions = await tool(broker.tools.brokerApiVersions, [
				'--bootstrap-server',
				broker.brokers[0] ?? '',
			]);
			expect(versions).toMatch(/Produce\(0\): \d+ to \d+/);
		});
	});
}

kafkaSuite('kafka', (lab) => lab.kafka);
kafkaSuite('kafka39', (lab) => lab.kafka39 ?? lab.kafka);
