// The real Prometheus made slow (its answers held back by a proxy of the
// test's own): polls hit the timeout, show it, never pile up, and recover.
import {afterAll, expect, it} from 'vitest';
import {Scheduler} from '../../../source/engine/scheduler.ts';
import {Store} from '../../../source/engine/store.ts';
import {PrometheusSource} from '../../../source/sources/prometheus/source.ts';
import {describeLab} from '../../support/lab.ts';
import {TcpProxy} from '../shared/tcp-proxy.ts';

describeLab('a slow Prometheus', ['prometheus'], (lab) => {
	const proxy = new TcpProxy({host: '127.0.0.1', port: Number(new URL(lab.prometheus.url).port)});
	const store = new Store();
	let scheduler: Scheduler | undefined;
	afterAll(async () => {
		await scheduler?.stop();
		store.dispose();
		await proxy.stop();
	});

	it('hits the timeout, shows it, keeps at most one poll in flight, and recovers', async () => {
		await proxy.start();
		const source = new PrometheusSource(
			{
				url: `http://127.0.0.1:${proxy.port}`,
				serviceLabel: 'service',
				statusLabel: 'status',
				errorThreshold: 0.01,
				window: '5m',
			},
			() => {},
			400,
		);
		scheduler = new Scheduler(store, [source], {
			intervalMs: 100,
			timeoutMs: 400,
			maxBackoffMs: 200,
		});
		const slot = () => {
			store.flush();
			return store.getSnapshot().slots.prometheus;
		};
		scheduler.start();
		const until = async (check: () => boolean, ms = 10_000) => {
			const deadline = Date.now() + ms;
			while (!check() && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 50));
			return check();
		};
		expect(await until(() => slot().phase === 'ok')).toBe(true);
		proxy.delayMs = 1500;
		let most = 0;
		const watch = setInterval(() => {
			most = Math.max(most, proxy.open);
		}, 20);
		expect(await until(() => slot().phase === 'error', 5000)).toBe(true);
		const failed = slot();
		expect(failed.phase !== 'not-configured' && failed.error).toMatch(/tim/i);
		await new Promise((resolve) => setTimeout(resolve, 2500));
		clearInterval(watch);
		// One poll is three queries on at most three sockets; a pile-up would show many more.
		expect(most).toBeLessThanOrEqual(3);
		proxy.delayMs = 0;
		expect(await until(() => slot().phase === 'ok')).toBe(true);
	}, 30_000);
});
