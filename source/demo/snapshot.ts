import type {SourceDataMap} from '../model/index.ts';
import {alertsAt} from './alerts.ts';
import {diskAt} from './disk.ts';
import {healthAt} from './health.ts';
import {kafkaAt} from './kafka.ts';
import {clusterAt} from './kubernetes.ts';
import {logStoreAt} from './log-store.ts';
import {postgresAt} from './postgres.ts';
import {prometheusAt} from './prometheus.ts';
import {redisAt} from './redis.ts';
import type {Scenario} from './scenario.ts';

/** Every source's data at `t` seconds after the start: a pure function of the scenario and t. */
export function snapshotAt(
	scenario: Scenario,
	t: number,
	disk: {
		now: number;
		logsCleanedAt: number | null;
		pvcSizes?: ReadonlyMap<string, number>;
	} = {now: 0, logsCleanedAt: null},
): SourceDataMap {
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
		disk: diskAt(story, t, disk.now, disk.logsCleanedAt, disk.pvcSizes),

		logs: logStoreAt(scenario, t, cluster),
	};
}
