import {apiVersionsV3, Connection} from '@platformatic/kafka';
import {Redis} from 'ioredis';
import pg from 'pg';
import type {Config} from '../../config/index.ts';
import {foldPostgresUrl} from '../../config/postgres-url.ts';
import {type QuickCheck, timed} from './check.ts';
import {configuredChecks} from './configured/index.ts';
import {httpCheck} from './http-check.ts';

const defaultTimeoutMs = 3000;

// The runbook's `psql -c "SELECT 1"`, on a short-lived connection of its own.
const postgresCheck = (config: Config['postgres']): QuickCheck => ({
	name: 'postgres',
	timeoutMs: defaultTimeoutMs,
	run: (signal) =>
		timed('SELECT 1', async () => {
			const {url, host, port, user, password, database} = foldPostgresUrl(config);
			const client = new pg.Client({
				...(url ? {connectionString: url} : {host, port, user, password, database}),
				application_name: 'irtop-check',
				connectionTimeoutMillis: defaultTimeoutMs,
				statement_timeout: defaultTimeoutMs,
			});
			client.on('error', () => {});
			const end = () => client.end().catch(() => {});
			signal.addEventListener('abort', end, {once: true});
			try {
				await client.connect();
				await client.query('SELECT 1');
			} finally {
				signal.removeEventListener('abort', end);
				await end();
			}
		}),
});

// The runbook's `redis-cli PING`.
const redisCheck = (config: Config['redis']): QuickCheck => ({
	name: 'redis',
	timeoutMs: defaultTimeoutMs,
	run: (signal) =>
		timed('PONG', async () => {
			const client = new Redis(config.url ?? '', {
				...(config.password !== undefined ? {password: config.password} : {}),
				lazyConnect: true,
				enableOfflineQueue: false,
				maxRetriesPerRequest: 0,
				retryStrategy: () => null,
				connectTimeout: defaultTimeoutMs,
			});
			// The command only says "Connection is closed."; the socket's error says why.
			let socketError: Error | undefined;
			client.on('error', (error: Error) => {
				socketError = error;
			});
			const end = () => client.disconnect();
			signal.addEventListener('abort', end, {once: true});
			try {
				await client.connect();
				const answer = await client.ping();
				if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
			} catch (error) {
				throw socketError ?? error;
			} finally {
				signal.removeEventListener('abort', end);
				end();
			}
		}),
});

// The runbook's `kafka-broker-api-versions`: an ApiVersions request to each bootstrap broker.
const kafkaCheck = (broker: string, clientId: string): QuickCheck => ({
	name: `kafka ${broker}`,
	timeoutMs: defaultTimeoutMs,
	run: async (signal) => {
		const started = performance.now();
		const colon = broker.lastIndexOf(':');
		const host = broker.slice(0, colon).replace(/^\[|\]$/g, '');
		const port = Number(broker.slice(colon + 1));
		const connection = new Connection(clientId, {
			connectTimeout: defaultTimeoutMs,
			requestTimeout: defaultTimeoutMs,
		});
		const end = () => connection.close().catch(() => {});
		signal.addEventListener('abort', end, {once: true});
		try {
			await connection.connect(host, port);
			const response = await apiVersionsV3.api.async(connection, 'irtop', '0.1.0');
			return {
				ok: response.errorCode === 0,
				latencyMs: performance.now() - started,
				detail: `${response.apiKeys.length} APIs`,
				certDaysLeft: null,
			};
		} finally {
			signal.removeEventListener('abort', end);
			await end();
		}
	},
});

// Prometheus and Alertmanager both answer /-/ready when they can serve queries.
const readyCheck = (name: string, base: string): QuickCheck => ({
	name,
	timeoutMs: defaultTimeoutMs,
	run: async (signal) => {
		const outcome = await httpCheck(`${base.replace(/\/$/, '')}/-/ready`, 200, signal);
		return outcome;
	},
});

export interface CheckProbes {
	/**
	 * Runs `SELECT 1` on a connection that already exists: the dashboard passes
	 * its one dedicated connection, so checking the database never takes a
	 * second slot from a pool that may be exhausted.
	 */
	readonly postgres?: (signal: AbortSignal) => Promise<unknown>;
}

/** Every quick check the configuration asks for, in the runbook's order. */
export function quickChecks(config: Config, probes: CheckProbes = {}): QuickCheck[] {
	const checks: QuickCheck[] = config.health.map((h) => ({
		name: h.name,
		kind: 'http',
		timeoutMs: h.timeoutMs ?? defaultTimeoutMs,
		run: (signal) => httpCheck(h.url, h.expectStatus, signal),
	}));
	if (config.postgres.url || config.postgres.host) {
		const probe = probes.postgres;
		checks.push(
			probe
				? {
						name: 'postgres',
						timeoutMs: defaultTimeoutMs,
						run: (signal) => timed('SELECT 1', () => probe(signal)),
					}
				: postgresCheck(config.postgres),
		);
	}
	if (config.redis.url) checks.push(redisCheck(config.redis));
	for (const broker of config.kafka.brokers ?? [])
		checks.push(kafkaCheck(broker, config.kafka.clientId));
	if (config.prometheus.url) checks.push(readyCheck('prometheus', config.prometheus.url));
	if (config.alertmanager.url) checks.push(readyCheck('alertmanager', config.alertmanager.url));
	// The team's own (`checks:`) after the built-in ones.
	checks.push(...configuredChecks(config.checks));
	return checks;
}
