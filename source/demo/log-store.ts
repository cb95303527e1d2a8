import type {LogHit, LogQuery, LogsData, PodRow} from '../model/index.ts';
import type {ClusterView} from './kubernetes.ts';
import {hash, unit} from './noise.ts';
import type {Scenario} from './scenario.ts';

// The demo's log store (Fluent Bit → Elasticsearch): ERROR lines whose rate
// follows the story's pressure. onboarding-api logs the pool running dry and
// the lock waits; payments-api, sharing the database, a few timeouts.

const minuteMs = 60_000;
/** Seconds between the samples a minute's count is made of. */
const sampleS = 10;

interface Writer {
	readonly namespace: string;
	readonly app: string;
	/** ERROR lines per minute at a pressure. */
	perMinute(pressure: number): number;
	message(pressure: number, n: number): string;
}

const onboardingMessages = [
	'HikariPool-1 - Connection is not available, request timed out after 30000ms',
	'canceling statement due to lock timeout: UPDATE cases SET status = $1 WHERE id = $2',
	'POST /api/v1/cases failed: 503 Service Unavailable (database pool exhausted)',
] as const;
const quietMessages = [
	'GET /api/v1/cases/8812 failed: upstream closed connection',
	'retrying publish to onboarding-events: NOT_LEADER_OR_FOLLOWER',
] as const;

const writers: readonly Writer[] = [
	{
		namespace: 'business-onboarding',
		app: 'onboarding-api',
		perMinute: (p) => 1.5 + 140 * p ** 1.6,
		message: (p, n) =>
			p > 0.2
				? (onboardingMessages[n % onboardingMessages.length] ?? '')
				: (quietMessages[n % quietMessages.length] ?? ''),
	},
	{
		namespace: 'business-payments',
		app: 'payments-api',
		perMinute: (p) => 0.4 + 6 * p,
		message: () => 'payment lookup timed out after 5000ms (postgres)',
	},
];

function podsOf(cluster: ClusterView, writer: Writer): readonly PodRow[] {
	return cluster.data.pods.filter(
		(p) => p.namespace === writer.namespace && p.name.startsWith(`${writer.app}-`),
	);
}

/** ERROR lines a writer logs in [from, to) seconds of the story (before its start: at rest). */
function countIn(scenario: Scenario, writer: Writer, from: number, to: number): number {
	let total = 0;
	for (let s = from; s < to; s += sampleS) {
		const width = Math.min(sampleS, to - s);
		total += (writer.perMinute(scenario.story.pressure(Math.max(0, s))) * width) / 60;
	}
	// A deterministic fraction, so 0.4 a minute is sometimes 1 and mostly 0, never always 0.
	return Math.floor(total + unit(hash(`${writer.app}:${from}`), 0));
}

/** Every ERROR line of the last hour, newest first, and the per-minute counts. */
function lastHour(scenario: Scenario, t: number, cluster: ClusterView) {
	const now = scenario.toMs(t);
	const currentMinute = Math.floor(now / minuteMs) * minuteMs;
	const perMinute: number[] = [];
	const hits: LogHit[] = [];
	for (let i = 59; i >= 0; i--) {
		const start = currentMinute - i * minuteMs;
		const end = Math.min(start + minuteMs, now);
		const seconds = (ms: number) => (ms - scenario.startedAt) / 1000;
		let count = 0;
		for (const writer of writers) {
			const n = countIn(scenario, writer, seconds(start), seconds(end));
			count += n;
			const pods = podsOf(cluster, writer);
			for (let k = 0; k < n; k++) {
				const at = start + Math.floor(((k + 0.5) * (end - start)) / n);
				const seed = hash(`${writer.app}:${start}:${k}`);
				const pod = pods[Math.floor(unit(seed, 1) * pods.length)];
				hits.push({
					id: `${writer.app}-${start}-${k}`,
					time: at,
					level: 'ERROR',
					namespace: writer.namespace,
					pod: pod?.name ?? `${writer.app}-0`,
					container: writer.app,
					app: writer.app,
					message: writer.message(scenario.story.pressure(Math.max(0, seconds(at))), k),
				});
			}
		}
		perMinute.push(count);
	}
	hits.sort((a, b) => (b.time ?? 0) - (a.time ?? 0));
	return {hits, perMinute};
}

const runbook: LogQuery = {text: '', namespace: null, app: null, pod: null};

/**
 * A query applied to the demo's lines, the way the real store would answer
 * it closely enough for a drill: narrowing by exact value, every free-text
 * word present (any case) in the message, the pod or the level.
 */
function matches(query: LogQuery): (hit: LogHit) => boolean {
	const words = query.text
		.toLowerCase()
		.split(/\s+/)
		.map((w) => w.replace(/^level:/, ''))
		.filter((w) => w !== '' && w !== 'and');
	return (h) =>
		(query.namespace === null || h.namespace === query.namespace) &&
		(query.app === null || h.app === query.app) &&
		(query.pod === null || h.pod === query.pod) &&
		words.every((w) => `${h.message} ${h.pod} ${h.level}`.toLowerCase().includes(w));
}

/** The runbook's query (or the view's) over the demo's log store at t. */
export function logStoreAt(
	scenario: Scenario,
	t: number,
	cluster: ClusterView,
	query: LogQuery = runbook,
): LogsData {
	const {hits, perMinute} = lastHour(scenario, t, cluster);
	const found = hits.filter(matches(query));
	return {
		query,
		index: 'fluentbit-*',
		total: found.length,
		hits: found.slice(0, 100),
		perMinute,
		errorsLastHour: hits.length,
	};
}
