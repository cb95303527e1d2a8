// Detached helper of the kafka-lag scenario: a producer keeps writing while
// the consumer group catches up, then stops consuming (it stays a member and
// keeps heartbeating, but commits nothing more), so its lag grows: Burrow's
// STALL, the runbook's "check consumer lag".

import {parseArgs} from 'node:util';
import {silenceKafkajsTimerWarning} from '../quiet.ts';
import {kafkaClient} from './seed.ts';

silenceKafkajsTimerWarning();

const {values} = parseArgs({
	options: {
		lab: {type: 'string'},
		broker: {type: 'string'},
		topic: {type: 'string', default: 'onboarding-events'},
		group: {type: 'string', default: 'onboarding-workers'},
		rate: {type: 'string', default: '20'},
		'consume-seconds': {type: 'string', default: '3'},
	},
});
const topic = values.topic ?? 'onboarding-events';
const kafka = kafkaClient(values.broker ?? '', 'irtop-lab-lag');
const producer = kafka.producer();
const consumer = kafka.consumer({groupId: values.group ?? 'onboarding-workers'});

async function main() {
	// A test's own topic may not exist yet: a consumer cannot subscribe to a missing one.
	const admin = kafka.admin();
	await admin.connect();
	await admin.createTopics({topics: [{topic, numPartitions: 3}], waitForLeaders: true});
	await admin.disconnect();
	await producer.connect();
	let seq = 0;
	const perTick = Math.max(1, Math.round(Number(values.rate) / 10));
	setInterval(() => {
		const messages = Array.from({length: perTick}, () => ({
			key: `case-${seq}`,
			value: JSON.stringify({seq: seq++, at: new Date().toISOString()}),
		}));
		producer
			.send({topic, messages})
			.catch((error: Error) => console.log(`produce: ${error.message}`));
	}, 100);

	await consumer.connect();
	await consumer.subscribe({topic});
	await consumer.run({eachMessage: async () => {}});
	setTimeout(() => {
		consumer.pause([{topic}]);
		console.log('consumer stopped consuming; producer continues');
	}, Number(values['consume-seconds']) * 1000);
}

main().catch((error: unknown) => {
	console.log(`failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		Promise.allSettled([consumer.disconnect(), producer.disconnect()]).then(() => process.exit(0));
		setTimeout(() => process.exit(0), 3000).unref();
	});
}
