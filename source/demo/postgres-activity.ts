import type {BlockedQuery, LongQuery} from '../model/index.ts';
import {roundTo} from './noise.ts';
import type {Story} from './story.ts';
import {level, queryStartS} from './story.ts';

// pg_stat_activity during the incident: one onboarding-api transaction runs
// a long SELECT … FOR UPDATE over cases ⨝ documents and holds its row locks;
// every UPDATE of those cases, and the workers' INSERTs into documents (their
// foreign-key check needs a share lock on the case), queue up behind it.

export const blockerPid = 48213;
const blockerQuery =
	"SELECT c.id, c.reference, c.status, d.id AS document_id, d.kind, d.storage_key FROM cases c JOIN documents d ON d.case_id = c.id WHERE c.status IN ('pending_review', 'awaiting_documents') AND d.verified_at IS NULL ORDER BY c.created_at FOR UPDATE OF c";
const listCases =
	'SELECT c.id, c.reference, c.status, count(d.id) AS documents FROM cases c LEFT JOIN documents d ON d.case_id = c.id WHERE c.tenant_id = $1 GROUP BY c.id ORDER BY c.updated_at DESC LIMIT 50';
const updateStatus = 'UPDATE cases SET status = $1, updated_at = now() WHERE id = $2';
const updateAssignee = 'UPDATE cases SET assigned_to = $1, updated_at = now() WHERE id = $2';
const lockCase = 'SELECT id, status FROM cases WHERE id = $1 FOR UPDATE';
const insertDocument =
	'INSERT INTO documents (case_id, kind, storage_key, uploaded_at) VALUES ($1, $2, $3, now())';

interface Waiter {
	readonly level: number;
	readonly pid: number;
	readonly application: 'onboarding-api' | 'onboarding-worker';
	readonly query: string;
	/** An earlier waiter queued for the same row (pg_blocking_pids lists it too). */
	readonly behind?: number;
}

const waiters: readonly Waiter[] = [
	{level: 0.06, pid: 48377, application: 'onboarding-api', query: updateStatus},
	{level: level.workerSlow, pid: 48402, application: 'onboarding-worker', query: insertDocument},
	{level: 0.18, pid: 48519, application: 'onboarding-api', query: updateStatus, behind: 48377},
	{level: 0.26, pid: 48604, application: 'onboarding-api', query: lockCase},
	{level: 0.34, pid: 48688, application: 'onboarding-api', query: updateAssignee},
	{level: 0.42, pid: 48731, application: 'onboarding-api', query: updateStatus, behind: 48519},
	{
		level: level.workerStall,
		pid: 48790,
		application: 'onboarding-worker',
		query: insertDocument,
		behind: 48402,
	},
	{level: 0.58, pid: 48842, application: 'onboarding-api', query: lockCase, behind: 48604},
	{level: 0.67, pid: 48907, application: 'onboarding-api', query: updateStatus},
	{level: 0.76, pid: 48966, application: 'onboarding-api', query: updateAssignee, behind: 48688},
	{level: 0.86, pid: 49021, application: 'onboarding-api', query: updateStatus, behind: 48731},
	{level: 0.94, pid: 49088, application: 'onboarding-api', query: lockCase},
];

/** Slow but unblocked list queries of onboarding-api, each restarting every `periodS` while the pressure is high. */
const slowSlots = [
	{level: 0.3, periodS: 17, offsetS: 0},
	{level: 0.5, periodS: 23, offsetS: 5},
	{level: 0.7, periodS: 29, offsetS: 11},
] as const;

export interface Activity {
	readonly blocked: readonly BlockedQuery[];
	/** Lock waiters per application. */
	readonly waiting: Readonly<Record<string, number>>;
	/** Queries running (not waiting on a lock) for more than 5 s, longest first. */
	readonly long: readonly LongQuery[];
	readonly blockerRunning: boolean;
	/** Slow list queries running now (active connections of onboarding-api). */
	readonly slowRunning: number;
}

export function activityAt(story: Story, t: number): Activity {
	const blockerRunning = story.blockerAlive(t);
	const blocked: BlockedQuery[] = [];
	const waiting: Record<string, number> = {};
	for (const w of waiters) {
		const since = story.riseAt(w.level);
		if (!blockerRunning || since === null || since > t) continue;
		blocked.push({
			pid: w.pid,
			blockedBy: w.behind === undefined ? [blockerPid] : [blockerPid, w.behind],
			waitSeconds: roundTo(t - since, 1),
			query: w.query,
		});
		waiting[w.application] = (waiting[w.application] ?? 0) + 1;
	}

	const long: LongQuery[] = [];
	const running = (pid: number, durationSeconds: number, query: string): LongQuery => ({
		pid,
		durationSeconds: roundTo(durationSeconds, 1),
		user: 'onboarding_user',
		application: 'onboarding-api',
		state: 'active',
		query,
	});
	if (blockerRunning && t - queryStartS > 5)
		long.push(running(blockerPid, t - queryStartS, blockerQuery));
	let slowRunning = 0;
	slowSlots.forEach((slot, j) => {
		const since = story.riseAt(slot.level);
		if (since === null || !story.above(slot.level, t)) return;
		const cycle = Math.floor((t + slot.offsetS) / slot.periodS);
		const duration = t + slot.offsetS - cycle * slot.periodS;
		if (t - duration < since) return;
		slowRunning += 1;
		if (duration > 5) long.push(running(50_000 + cycle * 23 + j * 7, duration, listCases));
	});
	long.sort((a, b) => b.durationSeconds - a.durationSeconds);
	return {blocked, waiting, long, blockerRunning, slowRunning};
}
