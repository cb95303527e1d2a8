import {historyKey} from '../../engine/history.ts';
import {formatAge} from '../../format/duration.ts';
import {formatBytes, formatCount} from '../../format/numbers.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {sparkline} from '../../format/sparkline.ts';
import {fitWidth} from '../../format/table.ts';
import type {PostgresData, RedisData} from '../../model/index.ts';
import {lockTree} from './lock-tree.ts';
import type {PanelContext, PanelDefinition, PanelLine} from './panel.ts';
import {dataOf} from './panel.ts';

/** Connections near max_connections is the runbook's pool exhaustion. */
const nearMax = 0.8;

function postgresLines(pg: PostgresData, context: PanelContext, width: number): PanelLine[] {
	const {total, max, byState} = pg.connections;
	const states = ['active', 'idle', 'idle in transaction', 'waiting']
		.map((s) => `${s === 'idle in transaction' ? 'idle-tx' : s} ${byState[s] ?? 0}`)
		.join(' ');
	const trend = sparkline(context.store.history[historyKey.connections] ?? [], 8, max);
	const lines: PanelLine[] = [
		{
			key: 'pg:connections',
			text: fitWidth(`conn ${total}/${max} ${trend} ${states}`, width),
			tone: total >= max * nearMax ? 'error' : undefined,
		},
	];
	// Who holds the connections: the first question when the pool is exhausted.
	const apps = pg.connections.byApplication.slice(0, 4);
	if (apps.length > 0) {
		lines.push({
			key: 'pg:apps',
			text: fitWidth(
				`by app ${apps.map((a) => `${sanitizeLine(a.name || '(none)')} ${a.count}`).join(' · ')}`,
				width,
			),
			tone: 'dim',
		});
	}
	// Waiters drawn under the sessions holding their locks (pg_blocking_pids).
	for (const row of lockTree(pg.blocked)) {
		const b = row.blocked;
		const indent = row.depth === 0 ? '' : `${'  '.repeat(row.depth - 1)}└ `;
		lines.push(
			b
				? {
						key: `pg:blocked:${b.pid}`,
						text: fitWidth(
							`${indent}⧗ ${b.pid} waits ${formatAge(b.waitSeconds * 1000)} ${sanitizeLine(b.query)}`,
							width,
						),
						tone: 'warn',
						match: `blocked ${b.pid} ${b.blockedBy.join(' ')} ${b.query}`,
						selection: {kind: 'backend', pid: b.pid},
					}
				: {
						key: `pg:blocker:${row.pid}`,
						text: fitWidth(`🔒 ${row.pid} holds the lock`, width),
						tone: 'error',
						match: `blocker ${row.pid}`,
						selection: {kind: 'backend', pid: row.pid},
					},
		);
	}
	for (const q of pg.longQueries) {
		lines.push({
			key: `pg:long:${q.pid}`,
			text: fitWidth(
				`${q.pid} ${formatAge(q.durationSeconds * 1000)} ${sanitizeLine(q.user)} ${sanitizeLine(q.state)} ${sanitizeLine(q.query)}`,
				width,
			),
			tone: q.durationSeconds >= 30 ? 'warn' : undefined,
			match: `${q.pid} ${q.user} ${q.application} ${q.state} ${q.query}`,
			selection: {kind: 'backend', pid: q.pid},
		});
	}
	const raise = raiseLine(pg, width);
	if (raise) lines.push(raise);
	if (pg.canSignal && !pg.canSignal.allowed) {
		lines.push({
			key: 'pg:permission',
			text: fitWidth(`cancel/terminate off: ${sanitizeLine(pg.canSignal.reason ?? '')}`, width),
			tone: 'dim',
		});
	}
	if (pg.idleOver30m > 0) {
		lines.push({
			key: 'pg:idle',
			text: fitWidth(`${pg.idleOver30m} idle connections older than 30 min`, width),
			tone: 'dim',
		});
	}
	return lines;
}

/** A raise of max_connections until it is applied, or pg_settings' own pending_restart. */
function raiseLine(pg: PostgresData, width: number): PanelLine | null {
	const {raise, maxConnections: setting} = pg;
	const line = (text: string, tone: PanelLine['tone']): PanelLine => ({
		key: 'pg:max-connections',
		text: fitWidth(text, width),
		tone,
	});
	if (raise?.phase === 'pending-restart')
		return line(
			`max_connections ${raise.from} → ${raise.to}: pending_restart${setting?.pendingRestart ? '' : '?'}, waiting for the restart`,
			'warn',
		);
	if (raise?.phase === 'not-applied')
		return line(
			`max_connections: restarted with ${raise.after ?? '?'}, not ${raise.to} (set elsewhere?)`,
			'error',
		);
	if (setting?.pendingRestart)
		return line(
			'max_connections: pending_restart (the new value applies at the next restart)',
			'warn',
		);
	if (raise?.phase === 'applied')
		return line(`max_connections raised ${raise.from} → ${raise.to}`, 'dim');
	return null;
}

function redisLine(redis: RedisData, width: number): PanelLine {
	const memory =
		redis.maxMemoryBytes > 0
			? `${formatBytes(redis.usedMemoryBytes)}/${formatBytes(redis.maxMemoryBytes)}`
			: formatBytes(redis.usedMemoryBytes);
	const text = `redis ping ${redis.pingMs.toFixed(1)}ms mem ${memory} clients ${redis.connectedClients} blocked ${redis.blockedClients} evicted ${formatCount(redis.evictedKeys)} ops ${formatCount(redis.opsPerSecond)}/s`;
	const tight = redis.maxMemoryBytes > 0 && redis.usedMemoryBytes >= redis.maxMemoryBytes * 0.9;
	return {
		key: 'redis',
		text: fitWidth(text, width),
		tone: tight || redis.blockedClients > 0 ? 'warn' : undefined,
	};
}

export const dbPanel: PanelDefinition = {
	id: 'db',
	title: 'Postgres & Redis',
	sources: ['postgres', 'redis'],
	view(context, width) {
		const pg = dataOf(context, 'postgres');
		const redis = dataOf(context, 'redis');
		const lines = [
			...(redis ? [redisLine(redis, width)] : []),
			...(pg ? postgresLines(pg, context, width) : []),
		];
		const summary = pg
			? `${pg.connections.total}/${pg.connections.max} conn · ${pg.blocked.length} blocked · ${pg.longQueries.length} slow`
			: '';
		return {
			summary,
			summaryTone:
				pg && (pg.connections.total >= pg.connections.max * nearMax || pg.blocked.length > 0)
					? 'error'
					: 'ok',
			lines,
			empty: 'no data',
		};
	},
};
