import type {PostgresData} from '../model/index.ts';
import type {ClusterView} from './kubernetes.ts';
import {wobble} from './noise.ts';
import {activityAt} from './postgres-activity.ts';
import type {Story} from './story.ts';

const maxConnections = 50;
/** Each onboarding-api pod's pool holds up to this many connections. */
const poolPerPod = 12;

type States = {active: number; idle: number; 'idle in transaction': number; waiting: number};

/**
 * pg_stat_activity summed up. At rest the pools idle around 24 of 50
 * connections; as requests pile up behind the lock, onboarding-api's pools
 * fill (48/50 at the worst), which is the runbook's "pool exhaustion".
 */
export function postgresAt(story: Story, t: number, cluster: ClusterView): PostgresData {
	const p = story.pressure(t);
	const activity = activityAt(story, t);
	const apiPods = cluster.running('onboarding-api');
	const workerPods = cluster.running('onboarding-worker');

	const apiWaiting = activity.waiting['onboarding-api'] ?? 0;
	const apiActive =
		Number(activity.blockerRunning) +
		activity.slowRunning +
		(apiPods > 0 ? 2 + Math.round(6 * p) + Number(wobble('pg:api-active', t, 3) > 0.5) : 0);
	const apiInTransaction = apiPods > 0 ? Math.round(1 + 8 * p) : 0;
	const apiTarget = Math.round(
		(apiPods * 14) / 3 + (apiPods > 0 ? 20 * p : 0) + 1.2 * wobble('pg:api', t, 4),
	);
	const apiBusy = apiWaiting + apiActive + apiInTransaction;
	const apiTotal = Math.max(Math.min(apiTarget, apiPods * poolPerPod), apiBusy);

	const workerWaiting = activity.waiting['onboarding-worker'] ?? 0;
	const workerTotal = Math.max(2 * workerPods, workerWaiting);
	const workerActive = workerTotal - workerWaiting > 2 ? 1 : 0;

	const paymentsTotal = 6 + Math.round(2 * p);
	const paymentsActive = 1 + Number(wobble('pg:payments', t, 3) > 0.2);

	const apps: {name: string; states: States}[] = [
		{
			name: 'onboarding-api',
			states: {
				active: apiActive,
				idle: apiTotal - apiBusy,
				'idle in transaction': apiInTransaction,
				waiting: apiWaiting,
			},
		},
		{
			name: 'onboarding-worker',
			states: {
				active: workerActive,
				idle: workerTotal - workerWaiting - workerActive,
				'idle in transaction': 0,
				waiting: workerWaiting,
			},
		},
		{
			name: 'payments-api',
			states: {
				active: paymentsActive,
				idle: paymentsTotal - paymentsActive,
				'idle in transaction': 0,
				waiting: 0,
			},
		},
		{name: 'postgres_exporter', states: {active: 1, idle: 0, 'idle in transaction': 0, waiting: 0}},
		// Someone's forgotten psql session from this morning: the runbook's "idle > 30 min".
		{name: 'psql', states: {active: 0, idle: 1, 'idle in transaction': 0, waiting: 0}},
	];

	// Never more client backends than max_connections allows (superuser slots aside).
	const first = apps[0] as {states: States};
	const overflow = sum(apps) - (maxConnections - 1);
	if (overflow > 0) first.states.idle = Math.max(0, first.states.idle - overflow);

	const byState: States = {active: 0, idle: 0, 'idle in transaction': 0, waiting: 0};
	for (const app of apps) {
		for (const key of Object.keys(byState) as (keyof States)[]) byState[key] += app.states[key];
	}
	return {
		connections: {
			total: sum(apps),
			max: maxConnections,
			byState,
			byApplication: apps
				.map((a) => ({name: a.name, count: total(a.states)}))
				.filter((a) => a.count > 0)
				.toSorted((a, b) => b.count - a.count),
		},
		longQueries: activity.long,
		blocked: activity.blocked,
		// payments-api keeps two long-lived idle pool connections, plus the psql session.
		idleOver30m: 3,
	};
}

function total(states: States): number {
	return states.active + states.idle + states['idle in transaction'] + states.waiting;
}

function sum(apps: readonly {states: States}[]): number {
	return apps.reduce((n, a) => n + total(a.states), 0);
}
