// Raising max_connections (runbook Common issue 3) end to end: ALTER SYSTEM
// on a real PostgreSQL 15, then the rollout restart of its StatefulSet in the
// lab's Kubernetes, whose pod stand-in restarts that PostgreSQL
// (scripts/lab/kubernetes/postgres-restart.ts), so the value read back after
// is the server's own. The PostgreSQL is the test's own (the shared lab one
// is used by other test files at the same time and must not restart).
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {labPaths} from '../../../scripts/lab/paths.ts';
import {
	type RestartablePostgres,
	startRestartablePostgres,
} from '../../../scripts/lab/servers/postgres-restartable.ts';
import {runAction} from '../../../source/actions/run-action.ts';
import {parseArgs} from '../../../source/cli/args.ts';
import {openSession, type Session} from '../../../source/cli/session.ts';
import {parseConfig} from '../../../source/config/index.ts';
import {exportMarkdown} from '../../../source/timeline/export-markdown.ts';
import {describeLab, type Lab} from '../../support/lab.ts';
import {
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
} from '../kubernetes/helpers.ts';
import {eventually} from './helpers.ts';

const statefulSet = (namespace: string, dataDir: string) =>
	JSON.stringify({
		apiVersion: 'apps/v1',
		kind: 'StatefulSet',
		metadata: {name: 'postgresql', namespace},
		spec: {
			replicas: 1,
			serviceName: 'postgresql',
			selector: {matchLabels: {app: 'postgresql'}},
			template: {
				metadata: {
					labels: {app: 'postgresql'},
					annotations: {'sim.lab.irtop.dev/postgres-data-dir': dataDir},
				},
				spec: {
					containers: [
						{
							name: 'postgresql',
							image: 'docker.io/bitnami/postgresql:15.8.0',
							resources: {requests: {cpu: '10m', memory: '16Mi'}, limits: {memory: '256Mi'}},
						},
					],
				},
			},
		},
	});

async function read<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R | undefined> {
	const c = new pg.Client({connectionString: url, connectionTimeoutMillis: 2000});
	await c.connect();
	try {
		return (await c.query<R>(sql)).rows[0];
	} finally {
		await c.end();
	}
}

const sessions: Session[] = [];
async function open(lab: Lab, postgres: string): Promise<Session> {
	const parsed = parseArgs(['--refresh', '0.5', '--incident', 'Connection pool exhausted'], 'test');
	if (parsed.kind !== 'run') throw new Error('bad arguments');
	const env = {XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'irtop-maxconn-'))};
	const yaml = `kubernetes: {kubeconfig: ${JSON.stringify(kubeconfigOf(lab))}}\npostgres: ${postgres}\n`;
	const session = await openSession(parsed.options, parseConfig(yaml, null, env), env);
	sessions.push(session);
	session.scheduler.start();
	// The role's rights are read when irtop's connection opens, at the first poll.
	await eventually(
		async () => session.store.slot('postgres'),
		(slot) => slot.phase === 'ok' && slot.data?.maxConnections !== undefined,
		20_000,
	);
	return session;
}

describeLab('raising max_connections', ['postgres', 'kubernetes'], (lab) => {
	let server: RestartablePostgres;
	let ns: string;
	const workload = () => `{kind: statefulset, namespace: ${ns}, name: postgresql}`;

	beforeAll(async () => {
		server = await startRestartablePostgres(labPaths().lab, 20);
		await read(server.url(), 'CREATE ROLE irtop_norights LOGIN');
		await read(server.url(), 'CREATE ROLE irtop_granted LOGIN');
		await read(server.url(), 'GRANT ALTER SYSTEM ON PARAMETER max_connections TO irtop_granted');
		ns = await ownNamespace(lab, 'irtop-pg-max');
		await kubectl(lab, ['apply', '-f', '-'], statefulSet(ns, server.dataDir));
		await kubectl(lab, ['rollout', 'status', 'statefulset/postgresql', '-n', ns, '--timeout=90s']);
	}, 150_000);

	afterAll(async () => {
		for (const s of sessions) await s.close();
		server?.stop();
		if (ns) await dropNamespace(lab, ns);
	});

	it('ALTER SYSTEM, pending_restart, the restart by the StatefulSet, the new value read back, all on the timeline', async () => {
		const before = await read<{started: Date}>(
			server.url(),
			'SELECT pg_postmaster_start_time() AS started',
		);
		const session = await open(lab, `{url: "${server.url()}", workload: ${workload()}}`);
		const {mitigations, timeline, store} = session;
		expect(mitigations.denied?.('raiseMaxConnections')).toBeNull();
		const action = mitigations.raiseMaxConnections?.(20, 30);
		if (!action) throw new Error('raiseMaxConnections is not offered');
		expect(action.command).toBe(
			`psql -c "ALTER SYSTEM SET max_connections = 30" && kubectl rollout restart statefulset/postgresql -n ${ns}`,
		);
		expect(await action.checkPermission?.(AbortSignal.timeout(10_000))).toEqual({allowed: true});
		const outcome = await runAction(action, timeline, AbortSignal.timeout(30_000));
		expect(outcome).toMatchObject({ok: true});

		const events = () => timeline.getSnapshot().events;
		// Read from pg_settings right after ALTER SYSTEM and the reload, before the restart was asked for.
		expect(events().find((e) => e.data?.step === 'altered')?.text).toBe(
			'ALTER SYSTEM SET max_connections = 30: written · pending_restart true',
		);
		// The StatefulSet really was restarted the way kubectl does it.
		const sts = await kubectlJson<{
			spec: {template: {metadata: {annotations?: Record<string, string>}}};
		}>(lab, ['get', 'statefulset/postgresql', '-n', ns]);
		expect(sts.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
		);

		// The pod stand-in restarts the server; irtop reads the new value back.
		const applied = await eventually(
			async () => {
				const slot = store.slot('postgres');
				return slot.phase === 'ok' ? slot.data : null;
			},
			(data) => data?.raise?.phase === 'applied',
			90_000,
		);
		expect(applied?.connections.max).toBe(30);
		expect(applied?.maxConnections).toMatchObject({value: 30, pendingRestart: false});
		// The server's own answer, on a connection of the test's own.
		const after = await read<{max: string; started: Date}>(
			server.url(),
			"SELECT current_setting('max_connections') AS max, pg_postmaster_start_time() AS started",
		);
		expect(after?.max).toBe('30');
		expect(after?.started.getTime()).toBeGreaterThan(before?.started.getTime() ?? Infinity);

		const applyEvent = await eventually(
			async () => events().find((e) => e.data?.step === 'applied'),
			(e) => e !== undefined,
		);
		expect(applyEvent?.text).toBe(
			'max_connections is now 30 (was 20), read back after the restart',
		);
		const pending = events().find((e) => e.data?.step === 'pending-restart');
		expect(pending?.text).toBe(
			'max_connections 20 → 30: pending_restart until PostgreSQL restarts',
		);
		const recorded = events().find((e) => e.kind === 'action');
		expect(recorded?.data).toMatchObject({
			action: 'pg-raise-max-connections',
			command: action.command,
			ok: true,
		});
		// In order: written, the action itself, then the value read back after the restart.
		const order = ['altered', 'action', 'applied'].map((step) =>
			events().findIndex((e) => (step === 'action' ? e.kind === 'action' : e.data?.step === step)),
		);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		// The post-mortem's Resolution names it like every other mitigation.
		const incident = timeline.incident;
		if (!incident) throw new Error('no incident');
		const markdown = exportMarkdown(incident, events(), Date.now());
		const resolution = markdown.slice(markdown.indexOf('## Resolution'));
		expect(resolution).toContain(`\`${action.command}\` — succeeded: max_connections = 30 written`);
	}, 150_000);

	it('is allowed to a role granted ALTER SYSTEM ON PARAMETER max_connections (PostgreSQL 15+)', async () => {
		const session = await open(
			lab,
			`{url: "${server.url('irtop_granted')}", workload: ${workload()}}`,
		);
		expect(session.mitigations.denied?.('raiseMaxConnections')).toBeNull();
	}, 60_000);

	it('is disabled, with the reason, for a role without ALTER SYSTEM rights', async () => {
		const session = await open(
			lab,
			`{url: "${server.url('irtop_norights')}", workload: ${workload()}}`,
		);
		expect(session.mitigations.denied?.('raiseMaxConnections')).toBe(
			'role irtop_norights may not ALTER SYSTEM max_connections (superuser, or GRANT ALTER SYSTEM ON PARAMETER max_connections TO irtop_norights)',
		);
		const action = session.mitigations.raiseMaxConnections?.(20, 30);
		expect(await action?.checkPermission?.(AbortSignal.timeout(10_000))).toMatchObject({
			allowed: false,
		});
	}, 60_000);

	it('is disabled, with the reason, when no workload is configured', async () => {
		const session = await open(lab, `{url: "${server.url()}"}`);
		expect(session.mitigations.denied?.('raiseMaxConnections')).toBe(
			'postgres.workload is not set: nothing to restart after ALTER SYSTEM',
		);
	}, 60_000);

	it('is disabled on a server whose max_connections is set on its command line (the shared lab PostgreSQL)', async () => {
		const session = await open(
			lab,
			`{url: "${lab.postgres.url('superuser')}", workload: ${workload()}}`,
		);
		expect(session.mitigations.denied?.('raiseMaxConnections')).toBe(
			"max_connections is set on the server's command line: ALTER SYSTEM would not change it",
		);
	}, 60_000);
});
