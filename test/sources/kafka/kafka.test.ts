// The Kafka source against the lab's real brokers (4.4, and 3.9 when it runs):
// lag per partition exactly as `kafka-consumer-groups --describe` prints it,
// on a topic and groups of the test's own.
import {Admin, Consumer, Producer} from '@platformatic/kafka';
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {KafkaConfig} from '../../../source/config/index.ts';
import {KafkaSource} from '../../../source/sources/kafka/source.ts';
import {
	describeLab,
	type KafkaDetails,
	lab as labDetails,
	tool,
	unique,
} from '../../support/lab.ts';
import {parseGroupDescribe} from '../../support/lab-kafka.ts';

const kafkaConfig = (brokers: string[], groups?: string): KafkaConfig => ({
	brokers,
	clientId: 'irtop-test',
	...(groups ? {groups} : {}),
});

function brokerTests(name: string, details: () => KafkaDetails | undefined): void {
	describeLab(`kafka source on ${name}`, [name], () => {
		const topic = unique('t-kafka-topic').replaceAll('_', '-');
		const group = unique('t-kafka-group').replaceAll('_', '-');
		const partial = `${group}-partial`;
		let admin: Admin;

		beforeAll(async () => {
			const kafka = details() as KafkaDetails;
			admin = new Admin({clientId: 'irtop-test', bootstrapBrokers: kafka.brokers});
			await admin.createTopics({topics: [topic], partitions: 3, replicas: 1});
			const producer = new Producer({clientId: 'irtop-test', bootstrapBrokers: kafka.brokers});
			const messages = [0, 1, 2].flatMap((partition) =>
				Array.from({length: 10 + partition * 5}, (_, i) => ({
					topic,
					partition,
					value: Buffer.from(`m${i}`),
				})),
			);
			await producer.send({messages});
			await producer.close();
			// About 10/15/20 messages (a producer retry may add some); the group commits 4 and 15, the other group only partition 2.
			await admin.alterConsumerGroupOffsets({
				groupId: group,
				topics: [
					{
						name: topic,
						partitionOffsets: [
							{partition: 0, offset: 4n},
							{partition: 1, offset: 15n},
						],
					},
				],
			});
			await admin.alterConsumerGroupOffsets({
				groupId: partial,
				topics: [{name: topic, partitionOffsets: [{partition: 2, offset: 1n}]}],
			});
		});
		afterAll(async () => {
			await admin.deleteGroups({groups: [group, partial]}).catch(() => {});
			await admin.deleteTopics({topics: [topic]}).catch(() => {});
			await admin.close();
		});

		it('gives each partition the lag kafka-consumer-groups --describe prints', async () => {
			const kafka = details() as KafkaDetails;
			const source = new KafkaSource(kafkaConfig(kafka.brokers, `^${group}`));
			try {
				const data = await source.poll(AbortSignal.timeout(10_000));
				for (const id of [group, partial]) {
					const output = await tool(kafka.tools.consumerGroups, [
						'--bootstrap-server',
						kafka.brokers[0] as string,
						'--describe',
						'--group',
						id,
					]);
					const rows = parseGroupDescribe(output).filter((r) => r.topic === topic);
					const mine = data.groups.find((g) => g.group === id);
					const partitions = mine?.topics.find((t) => t.topic === topic)?.partitions ?? [];
					expect(partitions.map((p) => [p.partition, p.committed, p.logEnd, p.lag])).toEqual(
						rows
							.sort((a, b) => a.partition - b.partition)
							.map((r) => [r.partition, r.current, r.logEnd, r.lag]),
					);
					expect(mine?.lag).toBe(rows.reduce((sum, r) => sum + (r.lag ?? 0), 0));
				}
				expect(data.groups.find((g) => g.group === group)).toMatchObject({
					state: 'Empty',
					members: 0,
				});
				expect(data.topics.find((t) => t.name === topic)).toEqual({
					name: topic,
					partitions: 3,
					underReplicated: 0,
				});
			} finally {
				await source.close();
			}
		});
	});
}

brokerTests('kafka', () => describeDetails('kafka'));
brokerTests('kafka39', () => describeDetails('kafka39'));

function describeDetails(server: 'kafka' | 'kafka39'): KafkaDetails | undefined {
	// Read lazily: the lab may not have the 3.9 broker.
	return server === 'kafka' ? labDetails().kafka : labDetails().kafka39;
}

describeLab('kafka source: consumer protocol and faults', ['kafka'], (lab) => {
	it("reports a group on Kafka 4's consumer protocol as the broker's tool does (state, members)", async () => {
		const topic = unique('t-kafka-modern').replaceAll('_', '-');
		const group = `${topic}-group`;
		const admin = new Admin({clientId: 'irtop-test', bootstrapBrokers: lab.kafka.brokers});
		await admin.createTopics({topics: [topic], partitions: 1, replicas: 1});
		const consumer = new Consumer({
			clientId: 'irtop-test',
			bootstrapBrokers: lab.kafka.brokers,
			groupId: group,
			groupProtocol: 'consumer',
		});
		const source = new KafkaSource(kafkaConfig(lab.kafka.brokers, `^${group}$`));
		try {
			const stream = await consumer.consume({topics: [topic]});
			let data = await source.poll(AbortSignal.timeout(10_000));
			const deadline = Date.now() + 15_000;
			// Settled: a group still reconciling may read Stable by the time the Java tool looks.
			while (
				!(data.groups[0]?.members === 1 && data.groups[0]?.state === 'Stable') &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, 300));
				data = await source.poll(AbortSignal.timeout(10_000));
			}
			const output = await tool(lab.kafka.tools.consumerGroups, [
				'--bootstrap-server',
				lab.kafka.brokers[0] as string,
				'--describe',
				'--group',
				group,
				'--state',
			]);
			const line = output.split('\n').find((l) => l.startsWith(group)) ?? '';
			const cells = line.trim().split(/\s+/);
			// GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS
			expect(data.groups[0]?.state).toBe(cells.at(-2));
			expect(data.groups[0]?.members).toBe(Number(cells.at(-1)));
			expect(data.groups[0]?.members).toBe(1);
			await stream.close();
		} finally {
			await consumer.close(true).catch(() => {});
			await source.close();
			await admin.deleteGroups({groups: [group]}).catch(() => {});
			await admin.deleteTopics({topics: [topic]}).catch(() => {});
			await admin.close();
		}
	}, 40_000);

	it('a broker that does not answer is an error, then a fresh client recovers', async () => {
		const down = new KafkaSource(kafkaConfig(['127.0.0.1:1']), 2000);
		await expect(down.poll(AbortSignal.timeout(5000))).rejects.toThrow(/ECONNREFUSED|connect/i);
		await down.close();
	});
});
