import type {Admin} from '@platformatic/kafka';
import type {KafkaConfig} from '../../config/index.ts';
import type {Source} from '../../engine/source.ts';
import type {ConsumerGroup, KafkaData, TopicHealth} from '../../model/index.ts';
import {SourceError} from '../shared/http.ts';
import {LagWindow} from './burrow.ts';
import {connectionOptions, createAdmin, kafkaReason} from './client.ts';
import {describeConsumerProtocolGroups} from './consumer-groups.ts';
import {groupLag, partitionKey} from './lag.ts';

const toNumber = (value: bigint): number => Number(value);

/**
 * Consumer groups with their lag and a Burrow-style status, and topic health.
 * Every step is one request per broker (or coordinator), so the number of
 * round trips per refresh does not grow with the number of groups.
 */
export class KafkaSource implements Source<'kafka'> {
	readonly id = 'kafka';
	readonly timeoutMs: number;
	readonly #config: KafkaConfig;
	readonly #filter: RegExp | null;
	readonly #window = new LagWindow();
	#admin: Admin | undefined;

	constructor(config: KafkaConfig, timeoutMs = 5000) {
		this.#config = config;
		this.#filter = config.groups ? new RegExp(config.groups) : null;
		this.timeoutMs = timeoutMs;
	}

	async poll(signal: AbortSignal): Promise<KafkaData> {
		this.#admin ??= createAdmin(this.#config, this.timeoutMs);
		const admin = this.#admin;
		const onAbort = () => this.#reset();
		signal.addEventListener('abort', onAbort, {once: true});
		try {
			return await this.#read(admin);
		} catch (error) {
			// A broken client may hold dead sockets; the next poll starts a fresh one.
			this.#reset();
			throw new SourceError(kafkaReason(error));
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	}

	async close(): Promise<void> {
		const admin = this.#admin;
		this.#admin = undefined;
		await admin?.close().catch(() => {});
	}

	#reset(): void {
		const admin = this.#admin;
		this.#admin = undefined;
		admin?.close().catch(() => {});
	}

	async #read(admin: Admin): Promise<KafkaData> {
		const listed = [...(await admin.listGroups({types: ['classic', 'consumer']})).values()].filter(
			// Consumer groups as kafka-consumer-groups lists them: classic ones (protocol "consumer", or
			// "" for groups that only commit offsets) and Kafka 4's consumer-protocol groups; not share/streams.
			(g) =>
				(g.groupType === 'consumer' ||
					((g.groupType ?? 'classic') === 'classic' &&
						(g.protocolType === 'consumer' || g.protocolType === ''))) &&
				(this.#filter === null || this.#filter.test(g.id)),
		);
		const ids = listed.map((g) => g.id);
		const modern = listed.filter((g) => g.groupType === 'consumer').map((g) => g.id);
		const classic = ids.filter((id) => !modern.includes(id));
		const topicNames = await admin.listTopics();
		const [described, modernDescribed, offsets, metadata] = await Promise.all([
			classic.length > 0 ? admin.describeGroups({groups: classic}) : new Map(),
			describeConsumerProtocolGroups(
				admin,
				modern,
				this.#config.clientId,
				connectionOptions(this.#config, this.timeoutMs),
			),
			ids.length > 0 ? admin.listConsumerGroupOffsets({groups: ids}) : [],
			topicNames.length > 0 ? admin.metadata({topics: topicNames}) : undefined,
		]);

		const topics: TopicHealth[] = [...(metadata?.topics ?? new Map())]
			.map(([name, t]) => ({
				name,
				partitions: t.partitions.length,
				underReplicated: t.partitions.filter(
					(p: {isr: number[]; replicas: number[]}) => p.isr.length < p.replicas.length,
				).length,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
		const known = new Set(topics.map((t) => t.name));

		const committedBy = new Map<string, Map<string, number>>();
		const wanted = new Map<string, Set<number>>();
		const want = (topic: string, partition: number) => {
			if (!known.has(topic)) return;
			const set = wanted.get(topic) ?? new Set<number>();
			set.add(partition);
			wanted.set(topic, set);
		};
		for (const group of offsets) {
			const map = new Map<string, number>();
			for (const t of group.topics) {
				for (const p of t.partitions) {
					// -1: no committed offset for an assigned partition.
					if (p.committedOffset >= 0n)
						map.set(partitionKey(t.name, p.partitionIndex), toNumber(p.committedOffset));
					want(t.name, p.partitionIndex);
				}
			}
			committedBy.set(group.groupId, map);
		}
		const assignedBy = new Map<string, [string, number][]>();
		for (const [id, group] of described) {
			const list: [string, number][] = [];
			for (const member of group.members.values()) {
				for (const [topic, assignment] of member.assignments ?? []) {
					for (const partition of assignment.partitions) {
						list.push([topic, partition]);
						want(topic, partition);
					}
				}
			}
			assignedBy.set(id, list);
		}
		const logEnd = new Map<string, number>();
		if (wanted.size > 0) {
			const listedOffsets = await admin.listOffsets({
				topics: [...wanted].map(([name, partitions]) => ({
					name,
					partitions: [...partitions].map((partitionIndex) => ({partitionIndex, timestamp: -1n})),
				})),
			});
			for (const t of listedOffsets) {
				for (const p of t.partitions)
					logEnd.set(partitionKey(t.name, p.partitionIndex), toNumber(p.offset));
			}
		}

		const now = Date.now();
		const groups: ConsumerGroup[] = listed.map((g) => {
			const committed = committedBy.get(g.id) ?? new Map<string, number>();
			const {lag, topics: lagTopics} = groupLag(committed, assignedBy.get(g.id) ?? [], logEnd);
			const classicGroup = described.get(g.id);
			const modernGroup = modernDescribed.get(g.id);
			const members = classicGroup?.members.size ?? modernGroup?.members ?? 0;
			const state = String(classicGroup?.state ?? modernGroup?.state ?? g.state);
			let sum = 0;
			for (const value of committed.values()) sum += value;
			this.#window.add(g.id, {at: now, committed: sum, lag});
			return {
				group: g.id,
				state,
				members,
				lag,
				status: this.#window.status(g.id, members),
				topics: lagTopics,
			};
		});
		this.#window.keep(new Set(ids));
		groups.sort((a, b) => b.lag - a.lag || a.group.localeCompare(b.group));
		return {groups, topics};
	}
}
