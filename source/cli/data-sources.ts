import type {Config} from '../config/index.ts';
import type {AnySource} from '../engine/source.ts';
import {AlertmanagerSource} from '../sources/alertmanager/source.ts';
import {quickChecks} from '../sources/health/backend-checks.ts';
import {HealthSource} from '../sources/health/source.ts';
import {KafkaSource} from '../sources/kafka/source.ts';
import {LogsSource} from '../sources/logs/source.ts';
import {PostgresMitigations} from '../sources/postgres/actions.ts';
import {PostgresConnection} from '../sources/postgres/connection.ts';
import {PostgresSource} from '../sources/postgres/source.ts';
import {PrometheusSource} from '../sources/prometheus/source.ts';
import {RedisSource} from '../sources/redis/source.ts';
import type {Observe} from '../sources/shared/observe.ts';

/** The data sources (issue 5) the configuration asks for, and the database mitigations. */
export function dataSources(config: Config): {
	sources: AnySource[];
	postgres: PostgresMitigations | null;
	logs: LogsSource | null;
} {
	// Alerts firing/resolving and threshold crossings reach the timeline through
	// cli/auto-events.ts, which reads the store, waits for an open incident and
	// survives --resume; recording them here as well would write each one twice.
	const observe: Observe = () => {};
	const sources: AnySource[] = [];
	let postgres: PostgresMitigations | null = null;
	const {prometheus, alertmanager, redis, kafka} = config;
	if (prometheus.url)
		sources.push(new PrometheusSource({...prometheus, url: prometheus.url}, observe));
	if (alertmanager.url) sources.push(new AlertmanagerSource(alertmanager.url, observe));
	let connection: PostgresConnection | null = null;
	if (config.postgres.url || config.postgres.host) {
		connection = new PostgresConnection(config.postgres);
		postgres = new PostgresMitigations(connection, 'postgres');
		sources.push(new PostgresSource(config.postgres, connection, postgres.tracker));
	}
	const db = connection;
	const checks = quickChecks(
		config,
		db ? {postgres: (signal) => db.query('SELECT 1', [], signal)} : {},
	);
	if (checks.length > 0) sources.push(new HealthSource(checks));
	if (redis.url) sources.push(new RedisSource(redis.url, redis.password));
	if ((kafka.brokers ?? []).length > 0) sources.push(new KafkaSource(kafka));
	const logs = config.logs.url ? new LogsSource({...config.logs, url: config.logs.url}) : null;
	if (logs) sources.push(logs);
	return {sources, postgres, logs};
}
