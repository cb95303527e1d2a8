// Burrow-style status against the real broker: a member that stops
// committing while a producer keeps writing is STALL; with nobody consuming
// and lag waiting it is STOP. The topic and groups are the test's own.
import {Admin, Consumer, Producer} from '@platformatic/kafka';
import {expect, it} from 'vitest';
import {KafkaSource} from '../../../source/sources/kafka/source.ts';
import {describeLab, unique} from '../../support/lab.ts';

describeLab('kafka group status over time', ['kafka'], (lab) => {
	it('says STALL for a member that commits nothing while lag grows, STOP for a group nobody consumes', async () => {
		const topic = unique('t-kafka-stall').replaceAll('_', '-');
		const stalled = `${topic}-stalled`;
		const stopped = `${topic}-stopped`;
		const brokers = lab.kafka.brokers;
		const admin = new Admin({clientId: 'irtop-test', bootstrapBrokers: brokers});
		const producer = new Producer({clientId: 'irtop-test', bootstrapBrokers: brokers});
		const consumer = new Consumer({
			clientId: 'irtop-test',
			bootstrapBrokers: brokers,
			groupId: stalled,
			autocommit: false,
		});
		const source = new KafkaSource({brokers, clientId: 'irtop-test', groups: `^${topic}-`});
		try {
			await admin.createTopics({topics: [topic], partitions: 1, replicas: 1});
			const send = (n: number) =>
				producer.send({
					messages: Array.from({length: n}, () => ({topic, partition: 0, value: Buffer.from('m')})),
				});
			await send(5);
			for (const groupId of [stalled, stopped]) {
				await admin.alterConsumerGroupOffsets({
					groupId,
					topics: [{name: topic, partitionOffsets: [{partition: 0, offset: 1n}]}],
				});
			}
			// A member that joins and then never commits (it does not read either).
			await consumer.joinGroup({});
			const statuses = new Map<string, string[]>();
			const deadline = Date.now() + 30_000;
			while (Date.now() < deadline) {
				await send(2);
				const data = await source.poll(AbortSignal.timeout(10_000));
				for (const g of data.groups)
					statuses.set(g.group, [...(statuses.get(g.group) ?? []), `${g.status}/${g.members}`]);
				if (
					statuses.get(stalled)?.at(-1)?.startsWith('STALL') &&
					statuses.get(stopped)?.at(-1)?.startsWith('STOP')
				)
					break;
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
			expect(statuses.get(stalled)?.[0]).toMatch(/^OK\//);
			expect(statuses.get(stalled)?.at(-1)).toBe('STALL/1');
			expect(statuses.get(stopped)?.at(-1)).toBe('STOP/0');
		} finally {
			await consumer.close(true).catch(() => {});
			await producer.close().catch(() => {});
			await source.close();
			await admin.deleteGroups({groups: [stalled, stopped]}).catch(() => {});
			await admin.deleteTopics({topics: [topic]}).catch(() => {});
			await admin.close();
		}
	}, 60_000);
});
