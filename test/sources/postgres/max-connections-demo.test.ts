// The prompt's rule for a new max_connections, and the demo's PostgreSQL
// reacting to the raise as the real one does: pending_restart until the
// StatefulSet's pod is replaced, then the new value.
import {expect, it} from 'vitest';
import {DemoWorld, demoMitigations} from '../../../source/demo/index.ts';
import {maxConnectionsError} from '../../../source/ui/mitigation-commands.ts';

it('accepts only a whole number above the current value, within ten times it', () => {
	expect(maxConnectionsError('200', 50)).toBeNull();
	expect(maxConnectionsError(' 51 ', 50)).toBeNull();
	expect(maxConnectionsError('50', 50)).toBe('50 is not above 50');
	expect(maxConnectionsError('20', 50)).toBe('20 is not above 50');
	expect(maxConnectionsError('501', 50)).toBe('at most 500 (10× the current)');
	expect(maxConnectionsError('2e2', 50)).toBe('a whole number above 50');
	expect(maxConnectionsError('-5', 50)).toBe('a whole number above 50');
	expect(maxConnectionsError('', 50)).toBe('a whole number above 50');
});

it('the demo: pending_restart after ALTER SYSTEM, the new value once postgresql-0 is replaced', async () => {
	let now = Date.parse('2026-01-01T10:00:00Z');
	const world = new DemoWorld(now - 60_000, {now: () => now});
	const before = world.at(now).postgres;
	expect(before.connections.max).toBe(50);
	const action = demoMitigations(world).raiseMaxConnections?.(50, 200);
	expect(action?.command).toBe(
		'psql -c "ALTER SYSTEM SET max_connections = 200" && kubectl rollout restart statefulset/postgresql -n platform-observability',
	);
	const outcome = await action?.run(AbortSignal.timeout(5000));
	expect(outcome?.ok).toBe(true);
	now += 2000;
	const pending = world.at(now).postgres;
	expect(pending.connections.max).toBe(50);
	expect(pending.maxConnections?.pendingRestart).toBe(true);
	expect(pending.raise?.phase).toBe('pending-restart');
	now += 15_000;
	const applied = world.at(now).postgres;
	expect(applied.connections.max).toBe(200);
	expect(applied.maxConnections).toMatchObject({value: 200, pendingRestart: false});
	expect(applied.raise).toMatchObject({phase: 'applied', from: 50, to: 200});
	const sts = world.at(now).kubernetes.statefulsets?.find((s) => s.name === 'postgresql');
	expect(sts?.revision).toBe(4);
});
