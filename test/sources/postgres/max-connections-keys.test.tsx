// C on the Postgres panel through the whole app at 80x24: a prompt for the
// new value (refused unless it is a raise within bounds), a confirmation with
// both exact commands, one run after y, on the timeline; disabled with the
// reason when the backend says so; gone in --read-only.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../source/actions/action.ts';
import type {Mitigations} from '../../../source/actions/mitigations.ts';
import {fixtureData} from '../../support/fixtures.ts';
import {renderApp} from '../../support/render-app.tsx';

const command = (to: number) =>
	`psql -c "ALTER SYSTEM SET max_connections = ${to}" && kubectl rollout restart statefulset/postgresql -n platform-observability`;

function raising(runs: number[], denied: string | null = null): Mitigations {
	return {
		raiseMaxConnections: (from, to): Action => ({
			id: 'pg-raise-max-connections',
			title: `Raise max_connections to ${to}`,
			target: {
				context: 'prod',
				namespace: 'platform-observability',
				object: 'statefulset/postgresql',
			},
			command: command(to),
			details: [`max_connections ${from} → ${to}: ALTER SYSTEM writes postgresql.auto.conf,`],
			checkPermission: async () => ({allowed: true}),
			run: async () => {
				runs.push(to);
				return {ok: true, message: `max_connections = ${to} written`};
			},
		}),
		denied: (name) => (name === 'raiseMaxConnections' ? denied : null),
	};
}

async function db(mitigations: Mitigations, readOnly = false) {
	const now = Date.parse('2026-11-28T03:00:00Z');
	const app = await renderApp({
		columns: 80,
		rows: 24,
		now,
		data: fixtureData(now),
		mitigations,
		readOnly,
	});
	await app.press('jump');
	await app.type('db');
	await app.press('submit');
	return app;
}

describe('raising max_connections from the Postgres panel', () => {
	it('asks for the value, refuses what is not a raise, shows both commands, runs once', async () => {
		const runs: number[] = [];
		const {frame, press, type, stdin, tick, timeline} = await db(raising(runs));
		await press('pg-raise-max-connections');
		expect(frame()).toContain('max_connections for postgresql (now 50): 200');
		// One key per write: a burst of DELs in one chunk reads as one key.
		for (let i = 0; i < 3; i++) {
			stdin.write('\u007f');
			await tick();
		}
		await type('40');
		await press('submit');
		expect(frame()).toContain('40 is not above 50');
		for (let i = 0; i < 2; i++) {
			stdin.write('\u007f');
			await tick();
		}
		await type('120');
		await press('submit');
		expect(frame()).toContain('Raise max_connections to 120?');
		expect(frame().replace(/[│\s]+/g, ' ')).toContain(command(120));
		await press('confirm', 2);
		await tick(50);
		expect(runs).toEqual([120]);
		const actions = timeline.getSnapshot().events.filter((e) => e.kind === 'action');
		expect(actions.map((e) => e.data?.command)).toEqual([command(120)]);
	});

	it('is disabled with the reason: no prompt, the reason in the status bar', async () => {
		const runs: number[] = [];
		const reason = 'postgres.workload is not set: nothing to restart after ALTER SYSTEM';
		const {frame, press} = await db(raising(runs, reason));
		await press('pg-raise-max-connections');
		expect(frame()).not.toContain('max_connections for');
		expect(frame()).toContain('max_connections: postgres.workload is not set: nothing to restart');
		expect(runs).toEqual([]);
	});

	it('does nothing in --read-only', async () => {
		const runs: number[] = [];
		const {frame, press} = await db(raising(runs), true);
		await press('pg-raise-max-connections');
		expect(frame()).not.toContain('max_connections for');
		expect(frame()).not.toContain('Raise max_connections');
	});
});
