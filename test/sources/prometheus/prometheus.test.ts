// The Prometheus source against the lab's real Prometheus: the same numbers
// as the same PromQL sent straight to the HTTP API, the runbook's threshold
// crossings on the timeline, and every fault as an error, never a crash.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {allServicesQueries, type PrometheusConfig} from '../../../source/config/index.ts';
import {Scheduler} from '../../../source/engine/scheduler.ts';
import {Store} from '../../../source/engine/store.ts';
import {query} from '../../../source/sources/prometheus/client.ts';
import {PrometheusSource} from '../../../source/sources/prometheus/source.ts';
import {until} from '../../support/eventually.ts';
import {describeLab} from '../../support/lab.ts';

const config = (
	url: string,
	extra: Partial<PrometheusConfig> = {},
): PrometheusConfig & {url: string} => ({
	url,
	serviceLabel: 'service',
	statusLabel: 'status',
	errorThreshold: 0.01,
	window: '5m',
	...extra,
});

const quiet = () => {};

describeLab('prometheus source', ['prometheus', 'exporter'], (lab) => {
	it('gives the same error ratio, rate and p99 as the same PromQL sent straight to Prometheus', async () => {
		// Both sides evaluate one instant a few seconds back, so every scrape before it is already stored:
		// rate() moves with the evaluation time itself, and "now" is never the same millisecond twice.
		const at = Date.now() - 5000;
		const source = new PrometheusSource(config(lab.prometheus.url), quiet, undefined, () => at);
		const q = allServicesQueries({serviceLabel: 'service', statusLabel: 'status', window: '5m'});
		const direct = async (promql: string) => {
			const response = await fetch(
				`${lab.prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}&time=${at / 1000}`,
			);
			const body = (await response.json()) as {
				data: {result: {metric: {service: string}; value: [number, string]}[]};
			};
			return new Map(body.data.result.map((r) => [r.metric.service, Number(r.value[1])]));
		};
		const [data, errors, rates, p99] = await Promise.all([
			source.poll(AbortSignal.timeout(5000)),
			direct(q.errorRatio),
			direct(q.requestRate),
			direct(q.p99),
		]);
		const mine = Object.fromEntries(
			data.services.map((s) => [s.name, [s.errorRatio, s.requestRate, s.p99Seconds]]),
		);
		const theirs = Object.fromEntries(
			[...rates.keys()].map((name) => [
				name,
				[errors.get(name) ?? 0, rates.get(name), p99.get(name)],
			]),
		);
		expect(mine).toEqual(theirs);
		expect(Object.keys(mine).sort()).toEqual([
			'notifications-api',
			'onboarding-api',
			'payments-api',
		]);
		// notifications-api has no 5xx series at all: its ratio is 0, not "no data".
		expect((mine as Record<string, number[]>)['notifications-api']?.[0]).toBe(0);
	});

	it('seeds a 30-minute trend with query_range and extends it on every poll', async () => {
		// The seed is history: wait until Prometheus has some, when the lab has only just started.
		await until(
			() =>
				query(lab.prometheus.url, 'count_over_time(up[10m] offset 45s)', AbortSignal.timeout(5000)),
			(series) => series.some((s) => (s.samples[0]?.[1] ?? 0) >= 3),
			60_000,
		);
		const source = new PrometheusSource(config(lab.prometheus.url), quiet);
		const first = await source.poll(AbortSignal.timeout(5000));
		const second = await source.poll(AbortSignal.timeout(5000));
		const before = first.services.find((s) => s.name === 'onboarding-api')?.trend ?? [];
		const after = second.services.find((s) => s.name === 'onboarding-api')?.trend ?? [];
		expect(before.length).toBeGreaterThan(1);
		// One new point at the end, the earlier ones kept; on a lab older than the 30-minute window
		// the oldest seeded point may have just left it.
		const kept = after.slice(0, -1);
		expect(kept.length).toBeGreaterThanOrEqual(before.length - 1);
		expect(kept).toEqual(before.slice(before.length - kept.length));
		const current = second.services.find((s) => s.name === 'onboarding-api')?.errorRatio;
		expect(after.at(-1)).toBe(current);
	});

	it('puts each crossing of the threshold on the timeline, in both directions', async () => {
		// A listed service whose "error ratio" flips between 50 % and 0 every 2 s, computed by Prometheus itself.
		const observed: string[] = [];
		const source = new PrometheusSource(
			config(lab.prometheus.url, {
				services: [
					{
						name: 'flapper',
						errorRatio: 'vector(0.5 * (time() % 4 < bool 2))',
						requestRate: 'vector(1)',
						p99: 'vector(0.1)',
					},
				],
			}),
			({text}) => observed.push(text),
		);
		const deadline = Date.now() + 9000;
		while (
			Date.now() < deadline &&
			!(observed.some((t) => t.includes('above')) && observed.some((t) => t.includes('below')))
		) {
			await source.poll(AbortSignal.timeout(5000));
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(
			observed.some((t) => /flapper 5xx ratio 50\.00 % (crossed )?above 1\.00 %/.test(t)),
		).toBe(true);
		expect(observed.some((t) => /flapper 5xx ratio 0\.00 % back below 1\.00 %/.test(t))).toBe(true);
	});

	it("shows Prometheus' error envelope as the error", async () => {
		const source = new PrometheusSource(
			config(lab.prometheus.url, {
				services: [
					{name: 'bad', errorRatio: 'sum(rate(', requestRate: 'vector(1)', p99: 'vector(1)'},
				],
			}),
			quiet,
		);
		await expect(source.poll(AbortSignal.timeout(5000))).rejects.toThrow(/^bad_data: /);
	});

	it('keeps NaN and Inf as such, and an empty result as no data', async () => {
		const source = new PrometheusSource(
			config(lab.prometheus.url, {
				services: [
					{
						name: 'odd',
						errorRatio: 'vector(0) / vector(0)',
						requestRate: 'vector(1) / vector(0)',
						p99: 'absent(up)',
					},
				],
			}),
			quiet,
		);
		const [odd] = (await source.poll(AbortSignal.timeout(5000))).services;
		expect(odd?.errorRatio).toBeNaN();
		expect(odd?.requestRate).toBe(Number.POSITIVE_INFINITY);
		expect(odd?.p99Seconds).toBeNull();
	});
});

describe('prometheus faults', () => {
	let server: http.Server;
	let base: string;
	let mode: 'garbage' | 'slow' | 'html' = 'garbage';
	let inFlight = 0;
	let maxInFlight = 0;
	beforeAll(async () => {
		server = http.createServer((request, response) => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			const done = () => {
				inFlight--;
			};
			if (mode === 'slow') {
				const timer = setTimeout(() => {
					response.end('{}');
					done();
				}, 1500);
				request.on('close', () => clearTimeout(timer));
				response.on('close', done);
				return;
			}
			response.end(
				mode === 'garbage'
					? '{"status":"success","data":{"result":"nope"}}'
					: '<html>proxy error</html>',
			);
			done();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('turns garbage into errors, not crashes', async () => {
		mode = 'garbage';
		await expect(query(base, 'up', AbortSignal.timeout(1000))).rejects.toThrow(
			/without data.result/,
		);
		mode = 'html';
		await expect(query(base, 'up', AbortSignal.timeout(1000))).rejects.toThrow(/not JSON/);
	});

	it('a slow Prometheus hits the timeout, shows as an error, and polls never pile up', async () => {
		mode = 'slow';
		maxInFlight = 0;
		const store = new Store();
		const source = new PrometheusSource(config(base), quiet, 300);
		const scheduler = new Scheduler(store, [source], {intervalMs: 100, timeoutMs: 300});
		scheduler.start();
		await new Promise((resolve) => setTimeout(resolve, 2000));
		await scheduler.stop();
		store.flush();
		const slot = store.getSnapshot().slots.prometheus;
		expect(slot.phase).toBe('error');
		expect(slot.phase === 'not-configured' ? '' : String(slot.error)).toMatch(/tim/i);
		// One poll sends three queries at once; never more than one poll's worth.
		expect(maxInFlight).toBeLessThanOrEqual(3);
		store.dispose();
	});
});
