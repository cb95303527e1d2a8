// Faults mid-run, through the real scheduler and store: a server that stops
// answering shows as that source's error with its last success kept, the
// other sources keep updating, and it recovers without restarting irtop.
// The lab's servers are shared, so each is "stopped" behind a TCP proxy of the test's own.
import {afterAll, expect, it} from 'vitest';
import {Scheduler} from '../../../source/engine/scheduler.ts';
import {Store} from '../../../source/engine/store.ts';
import {AlertmanagerSource} from '../../../source/sources/alertmanager/source.ts';
import {PostgresConnection} from '../../../source/sources/postgres/connection.ts';
import {PostgresSource} from '../../../source/sources/postgres/source.ts';
import {PrometheusSource} from '../../../source/sources/prometheus/source.ts';
import {RedisSource} from '../../../source/sources/redis/source.ts';
import {describeLab} from '../../support/lab.ts';
import {pgConfig} from '../postgres/helpers.ts';
import {TcpProxy} from './tcp-proxy.ts';

type Id = 'postgres' | 'redis' | 'prometheus' | 'alerts';
const ids: readonly Id[] = ['postgres', 'redis', 'prometheus', 'alerts'];

const until = async (check: () => boolean, ms = 10_000) => {
	const deadline = Date.now() + ms;
	while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
	return check();
};

describeLab('faults mid-run', ['postgres', 'redis', 'prometheus', 'alertmanager'], (lab) => {
	const proxies: Record<Id, TcpProxy> = {
		postgres: new TcpProxy({host: '127.0.0.1', port: lab.postgres.port}),
		redis: new TcpProxy({host: '127.0.0.1', port: Number(new URL(lab.redis.url).port)}),
		prometheus: new TcpProxy({host: '127.0.0.1', port: Number(new URL(lab.prometheus.url).port)}),
		alerts: new TcpProxy({host: '127.0.0.1', port: Number(new URL(lab.alertmanager.url).port)}),
	};
	const store = new Store();
	let scheduler: Scheduler | undefined;
	afterAll(async () => {
		await scheduler?.stop();
		store.dispose();
		for (const p of Object.values(proxies)) await p.stop();
	});

	it('each stopped server is its panel error with the last success kept; the rest keep updating; each recovers', async () => {
		for (const p of Object.values(proxies)) await p.start();
		const pgUrl = lab.postgres
			.url('superuser')
			.replace(`:${lab.postgres.port}/`, `:${proxies.postgres.port}/`);
		scheduler = new Scheduler(
			store,
			[
				new PostgresSource(pgConfig(pgUrl), new PostgresConnection(pgConfig(pgUrl))),
				new RedisSource(`redis://127.0.0.1:${proxies.redis.port}`, undefined, 1000),
				new PrometheusSource(
					{
						url: `http://127.0.0.1:${proxies.prometheus.port}`,
						serviceLabel: 'service',
						statusLabel: 'status',
						errorThreshold: 0.01,
						window: '5m',
					},
					() => {},
					1000,
				),
				new AlertmanagerSource(`http://127.0.0.1:${proxies.alerts.port}`, () => {}),
			],
			{intervalMs: 200, timeoutMs: 1500, maxBackoffMs: 400},
		);
		scheduler.start();
		const slot = (id: Id) => {
			store.flush();
			return store.getSnapshot().slots[id];
		};
		const phase = (id: Id) => slot(id).phase;
		const lastOk = (id: Id) => {
			const s = slot(id);
			return s.phase === 'not-configured' ? null : s.lastOkAt;
		};
		expect(await until(() => ids.every((id) => phase(id) === 'ok'))).toBe(true);

		for (const id of ['redis', 'postgres', 'prometheus', 'alerts'] as const) {
			await proxies[id].stop();
			expect(await until(() => phase(id) === 'error')).toBe(true);
			const s = slot(id);
			expect(s.phase !== 'not-configured' && s.data !== null && s.lastOkAt !== null).toBe(true);
			expect(s.phase !== 'not-configured' && s.error).toBeTruthy();
			// The others keep updating while this one is down.
			const others = ids.filter((o) => o !== id);
			const before = others.map(lastOk);
			expect(await until(() => others.every((o, i) => (lastOk(o) ?? 0) > (before[i] ?? 0)))).toBe(
				true,
			);
			await proxies[id].start();
			expect(await until(() => phase(id) === 'ok')).toBe(true);
		}
	}, 60_000);
});
