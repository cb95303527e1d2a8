import type {ConsumerGroup, KafkaData, PartitionLag, TopicLag} from '../model/index.ts';
import type {WindowPoint} from './burrow.ts';
import {evaluateWindow} from './burrow.ts';
import {steadyConsumerTime, workersConsumerTime} from './consumer.ts';
import {hash, unit} from './noise.ts';
import type {Story} from './story.ts';

interface TopicSpec {
	readonly name: string;
	readonly partitions: number;
	readonly ratePerS: number;
	readonly baseOffset: number;
}

const topicSpecs: readonly TopicSpec[] = [
	{name: 'onboarding.cases', partitions: 6, ratePerS: 25, baseOffset: 1_284_000},
	{name: 'onboarding.documents', partitions: 3, ratePerS: 9, baseOffset: 612_000},
	{name: 'payments.events', partitions: 6, ratePerS: 11, baseOffset: 8_930_000},
	{name: 'notifications.outbox', partitions: 3, ratePerS: 3, baseOffset: 402_000},
];

interface GroupSpec {
	readonly group: string;
	readonly members: number;
	readonly topics: readonly string[];
	/** Offset of this group's auto-commit clock, so groups do not commit in lockstep. */
	readonly phaseS: number;
	readonly trailS: number;
	/** Blocked by the incident's locks (its consumers write to the same tables). */
	readonly affected: boolean;
}

const groupSpecs: readonly GroupSpec[] = [
	{
		group: 'onboarding-workers',
		members: 2,
		topics: ['onboarding.cases', 'onboarding.documents'],
		phaseS: 0,
		trailS: 0.6,
		affected: true,
	},
	{
		group: 'payments-ledger',
		members: 2,
		topics: ['payments.events'],
		phaseS: 1.7,
		trailS: 0.4,
		affected: false,
	},
	{
		group: 'notifications-dispatcher',
		members: 1,
		topics: ['notifications.outbox'],
		phaseS: 3.1,
		trailS: 1.1,
		affected: false,
	},
];

/** enable.auto.commit's default interval. */
const commitEveryS = 5;
/** Commits in Burrow's sliding window. */
const windowPoints = 6;

/**
 * The log-end offset of one partition at a time: a steady produce rate with
 * a little wave. The wave's slope stays below the rate, so offsets only grow.
 */
function logEnd(topic: TopicSpec, partition: number, at: number): number {
	const seed = hash(topic.name);
	const rate = (topic.ratePerS / topic.partitions) * (0.8 + 0.4 * unit(seed, partition));
	const omega = 0.35;
	const amplitude = (0.5 * rate) / omega;
	const base = topic.baseOffset * (0.9 + 0.2 * unit(seed, partition + 100));
	return Math.floor(
		base + rate * at + amplitude * Math.sin(omega * at + unit(seed, partition + 200) * 2 * Math.PI),
	);
}

export function kafkaAt(story: Story, t: number): KafkaData {
	return {
		groups: groupSpecs.map((spec) => groupAt(spec, story, t)),
		topics: [
			...topicSpecs.map((topic) => ({
				name: topic.name,
				partitions: topic.partitions,
				underReplicated: 0,
			})),
			{name: '__consumer_offsets', partitions: 50, underReplicated: 0},
		],
	};
}

function groupAt(spec: GroupSpec, story: Story, t: number): ConsumerGroup {
	const topics = topicSpecs.filter((topic) => spec.topics.includes(topic.name));
	const position = (at: number) =>
		spec.affected ? workersConsumerTime(story, at) : steadyConsumerTime(at, spec.trailS);
	const lastCommit = (at: number) =>
		Math.floor((at + spec.phaseS) / commitEveryS) * commitEveryS - spec.phaseS;
	const committed = (topic: TopicSpec, partition: number, at: number) =>
		logEnd(topic, partition, position(lastCommit(at)));

	const topicLags: TopicLag[] = topics.map((topic) => {
		const partitions: PartitionLag[] = Array.from({length: topic.partitions}, (_, partition) => {
			const end = logEnd(topic, partition, t);
			const offset = committed(topic, partition, t);
			return {partition, committed: offset, logEnd: end, lag: end - offset};
		});
		return {topic: topic.name, lag: partitions.reduce((n, p) => n + (p.lag ?? 0), 0), partitions};
	});

	const points: WindowPoint[] = [];
	for (let k = windowPoints - 1; k >= 0; k--) {
		const at = lastCommit(t) - k * commitEveryS;
		let offsets = 0;
		let lag = 0;
		for (const topic of topics) {
			for (let partition = 0; partition < topic.partitions; partition++) {
				const offset = logEnd(topic, partition, position(at));
				offsets += offset;
				lag += logEnd(topic, partition, at) - offset;
			}
		}
		points.push({committed: offsets, lag});
	}
	return {
		group: spec.group,
		state: 'Stable',
		members: spec.members,
		lag: topicLags.reduce((n, topic) => n + topic.lag, 0),
		status: evaluateWindow(points),
		topics: topicLags,
	};
}
