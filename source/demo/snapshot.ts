import type {SourceDataMap} from '../model/index.ts';
import {alertsAt} from './alerts.ts';
import {healthAt} from './health.ts';
import {kafkaAt} from './kafka.ts';
import {clusterAt} from './kubernetes.ts';
import {logStoreAt} from './log-store.ts';
import {postgresAt} from './postgres.ts';
import {prometheusAt} from './prometheus.ts';
import {redisAt} from './redis.ts';
import type {Scenario} from './scenario.ts';

/** Every source's data at `t` seconds after the start: a pure function of the scenario and t. */
export function snapshotAt(scenario: Scenario, t: number): SourceDataMap {
	const {story} = scenario;
	const cluster = clusterAt(scenario, t);
	const prometheus = prometheusAt(story, t, cluster);
	const postgres = postgresAt(story, t, cluster);
	const kafka = kafkaAt(story, t);
	return {
		kubernetes: cluster.data,
		prometheus,
		alerts: alertsAt(scenario, t, {cluster, prometheus, postgres, kafka}),
		health: healthAt(story, t, cluster),
		postgres,
		redis: redisAt(story, t),
		kafka,
		logs: logStoreAt(scenario, t, cluster),
	};
}
