// The real sources through the counting proxy against the lab's servers:
// Prometheus answers the same through the proxy as direct, Alertmanager's and
// the export's requests are the proxy's to see, and NO_PROXY sends them direct.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {measureImpact} from '../../source/cli/impact.ts';
import {parseConfig} from '../../source/config/index.ts';
import {AlertmanagerSource} from '../../source/sources/alertmanager/source.ts';
import {PrometheusSource} from '../../source/sources/prometheus/source.ts';
import {type CountingProxy, startCountingProxy} from '../support/counting-proxy.ts';
import {describeLab} from '../support/lab.ts';

const variables = [
	'HTTP_PROXY',
	'HTTPS_PROXY',
	'NO_PROXY',
	'http_proxy',
	'https_proxy',
	'no_proxy',
];
const quiet = () => {};

describeLab(
	'Prometheus and Alertmanager through a proxy',
	['prometheus', 'alertmanager'],
	(lab) => {
		let proxy: CountingProxy;
		const saved = new Map<string, string | undefined>();
		beforeEach(async () => {
			for (const name of variables) {
				saved.set(name, process.env[name]);
				delete process.env[name];
			}
			proxy = await startCountingProxy();
			process.env.HTTP_PROXY = proxy.url;
		});
		afterEach(async () => {
			await proxy.close();
			for (const [name, value] of saved) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
		});

		const prometheusHost = () => new URL(lab.prometheus.url).host;
		const prometheus = (at: number) =>
			new PrometheusSource(
				{
					url: lab.prometheus.url,
					serviceLabel: 'service',
					statusLabel: 'status',
					errorThreshold: 0.01,
					window: '5m',
				},
				quiet,
				undefined,
				() => at,
			);

		it('Prometheus: the same answer through the proxy as direct, every query seen by it', async () => {
			// One instant a few seconds back, stored already, so both polls evaluate the same data.
			const at = Date.now() - 5000;
			const proxied = await prometheus(at).poll(AbortSignal.timeout(15_000));
			const seen = proxy.to(prometheusHost());
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((r) => r.method === 'GET' && r.path.startsWith('/api/v1/query'))).toBe(
				true,
			);
			process.env.NO_PROXY = '127.0.0.0/8';
			const direct = await prometheus(at).poll(AbortSignal.timeout(15_000));
			expect(proxy.to(prometheusHost())).toHaveLength(seen.length);
			expect(proxied).toEqual(direct);
		});

		it('Alertmanager and the export impact go through it; NO_PROXY by name:port sends them direct', async () => {
			const alerts = new AlertmanagerSource(lab.alertmanager.url, quiet);
			expect(Array.isArray(await alerts.poll(AbortSignal.timeout(15_000)))).toBe(true);
			expect(proxy.to(new URL(lab.alertmanager.url).host)).toMatchObject([
				{method: 'GET', path: '/api/v2/alerts'},
			]);
			const config = parseConfig(`prometheus:\n  url: ${lab.prometheus.url}\n`, null, {});
			const impact = await measureImpact(config, Date.now() - 600_000, Date.now());
			expect(impact).not.toHaveProperty('error');
			expect(proxy.to(prometheusHost())).toHaveLength(2);

			const before = proxy.requests.length;
			process.env.NO_PROXY = `${new URL(lab.alertmanager.url).host},${prometheusHost()}`;
			await alerts.poll(AbortSignal.timeout(15_000));
			await measureImpact(config, Date.now() - 600_000, Date.now());
			expect(proxy.requests).toHaveLength(before);
		});
	},
);
