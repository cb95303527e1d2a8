import type {AlertsData} from './alerts.ts';
import type {DiskData} from './disk.ts';
import type {HealthData} from './health.ts';
import type {KafkaData} from './kafka.ts';
import type {KubernetesData} from './kubernetes.ts';
import type {LogsData} from './logs.ts';
import type {PostgresData} from './postgres.ts';
import type {PrometheusData} from './prometheus.ts';
import type {RedisData} from './redis.ts';

/** What each source delivers, by source id. The one map every layer agrees on. */
export interface SourceDataMap {
	kubernetes: KubernetesData;
	prometheus: PrometheusData;
	alerts: AlertsData;
	health: HealthData;
	postgres: PostgresData;
	redis: RedisData;
	kafka: KafkaData;
	disk: DiskData;

	logs: LogsData;
}

export type SourceId = keyof SourceDataMap;

export const sourceIds: readonly SourceId[] = [
	'kubernetes',
	'prometheus',
	'alerts',
	'health',
	'postgres',
	'redis',
	'kafka',
	'disk',

	'logs',
];

export type * from './alerts.ts';
export type * from './disk.ts';
export type * from './health.ts';
export type * from './kafka.ts';
export type * from './kubernetes.ts';
export type * from './logs.ts';
export type * from './pod-description.ts';
export type * from './postgres.ts';
export type * from './prometheus.ts';
export type * from './redis.ts';
