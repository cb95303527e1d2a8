// Each source pointed at the wrong kind of server (a real one from the lab):
// the answer is garbage for its protocol, and the poll fails with an error
// within its deadline, never a crash or a hang.
import {expect, it} from 'vitest';
import {AlertmanagerSource} from '../../../source/sources/alertmanager/source.ts';
import {KafkaSource} from '../../../source/sources/kafka/source.ts';
import {PostgresConnection} from '../../../source/sources/postgres/connection.ts';
import {PostgresSource} from '../../../source/sources/postgres/source.ts';
import {PrometheusSource} from '../../../source/sources/prometheus/source.ts';
import {RedisSource} from '../../../source/sources/redis/source.ts';
import {describeLab} from '../../support/lab.ts';
import {pgConfig} from '../postgres/helpers.ts';

describeLab('garbage answers', ['redis', 'prometheus', 'exporter'], (lab) => {
	const redisPort = new URL(lab.redis.url).port;
	const httpPort = new URL(lab.prometheus.url).port;
	const fails = async (poll: Promise<unknown>) => {
		const started = Date.now();
		const error = await poll.then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(Error);
		expect(Date.now() - started).toBeLessThan(6000);
		return String(error);
	};

	it('Prometheus and Alertmanager sources pointed at a page that is not their API', async () => {
		// The exporter's /metrics is text, not the API's JSON.
		const prom = new PrometheusSource(
			{
				url: `${lab.exporter.url}/metrics#`,
				serviceLabel: 'service',
				statusLabel: 'status',
				errorThreshold: 0.01,
				window: '5m',
			},
			() => {},
		);
		expect(await fails(prom.poll(AbortSignal.timeout(5000)))).toMatch(/not JSON|envelope/);
		const am = new AlertmanagerSource(lab.prometheus.url, () => {});
		expect(await fails(am.poll(AbortSignal.timeout(5000)))).toMatch(/not JSON|not a list/);
	});

	it('PostgreSQL, Redis and Kafka sources pointed at an HTTP or Redis port', async () => {
		const url = `postgres://u:p@127.0.0.1:${redisPort}/x`;
		await fails(
			new PostgresSource(pgConfig(url), new PostgresConnection(pgConfig(url))).poll(
				AbortSignal.timeout(5000),
			),
		);
		const redis = new RedisSource(`redis://127.0.0.1:${httpPort}`, undefined, 2000);
		await fails(redis.poll(AbortSignal.timeout(5000)));
		await redis.close();
		const kafka = new KafkaSource(
			{brokers: [`127.0.0.1:${httpPort}`], clientId: 'irtop-test'},
			2000,
		);
		await fails(kafka.poll(AbortSignal.timeout(5000)));
		await kafka.close();
	});
});
