import {createServer, type Server} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {errorJump} from '../../../source/cli/log-jump.ts';
import {logsDefaults} from '../../../source/config/defaults.ts';
import {LogsSource} from '../../../source/sources/logs/source.ts';
import {describeLab} from '../../support/lab.ts';

const config = (url: string, index: string = logsDefaults.index) => ({...logsDefaults, index, url});
const poll = (source: LogsSource) => source.poll(AbortSignal.timeout(10_000));

async function serverCount(url: string, index: string, query: object): Promise<number> {
	const response = await fetch(`${url}/${index}/_count`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({query}),
	});
	return ((await response.json()) as {count: number}).count;
}

describeLab('logs search against OpenSearch', ['opensearch'], (lab) => {
	const url = String(lab.details('opensearch').url);

	it("counts the runbook's query exactly as the server's own _count does", async () => {
		// Both requests end at one fixed instant two minutes back. The lab's feeder stamps what it
		// writes at most 75 s in the past (the minute that just ended, every 15 s) and a burst at most
		// 30 s back, and every write waits for the refresh: nothing it writes from now on is in range,
		// and everything in range is already searchable. So the two counts must be equal.
		const at = Date.now() - 120_000;
		const data = await poll(new LogsSource(config(url), () => at));
		// The runbook's query, written out here rather than taken from irtop.
		const count = await serverCount(url, 'fluentbit-*', {
			bool: {
				must: [
					{match: {level: 'ERROR'}},
					{range: {'@timestamp': {gte: at - 3_600_000, lte: at, format: 'epoch_millis'}}},
				],
			},
		});
		expect(count).toBeGreaterThan(0);
		expect(data.total).toBe(count);
		expect(data.hits.every((h) => (h.time ?? 0) <= at)).toBe(true);
		expect(data.hits.length).toBe(Math.min(100, data.total));
		expect(data.hits.every((h) => h.level === 'ERROR')).toBe(true);
		const times = data.hits.map((h) => h.time ?? 0);
		expect(times).toEqual(times.toSorted((a, b) => b - a));
		expect(data.hits[0]?.namespace).not.toBe('');
		expect(data.perMinute).toHaveLength(60);
		expect(data.errorsLastHour).toBeGreaterThan(0);
	});

	it('narrows to an app and takes a query_string', async () => {
		const source = new LogsSource(config(url));
		source.set({text: '', namespace: 'business-payments', app: 'payments-api', pod: null});
		const narrowed = await poll(source);
		expect(narrowed.hits.length).toBeGreaterThan(0);
		expect(narrowed.hits.every((h) => h.app === 'payments-api')).toBe(true);
		source.set({text: 'level:INFO', namespace: null, app: null, pod: null});
		const info = await poll(source);
		expect(info.hits.every((h) => h.level === 'INFO')).toBe(true);
	});

	it('says denied when the server refuses the index (a read block: HTTP 403)', async () => {
		const index = `denied-${Date.now()}`;
		await fetch(`${url}/${index}`, {
			method: 'PUT',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({settings: {number_of_replicas: 0, 'index.blocks.read': true}}),
		});
		await expect(poll(new LogsSource(config(url, index)))).rejects.toThrow(/denied \(HTTP 403\)/);
		await fetch(`${url}/${index}`, {method: 'DELETE'});
	});
});

describe('logs search when the server is down or answers garbage', () => {
	let garbage: Server;
	let port = 0;
	beforeAll(async () => {
		garbage = createServer((_, response) => response.end('<html>proxy error</html>'));
		await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
		port = (garbage.address() as {port: number}).port;
	});
	afterAll(() => new Promise<void>((resolve) => garbage.close(() => resolve())));

	it('garbage is an error naming what came back', async () => {
		await expect(poll(new LogsSource(config(`http://127.0.0.1:${port}`)))).rejects.toThrow(
			/not JSON/,
		);
	});

	it('a closed port is an error, never a crash', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const free = (closed.address() as {port: number}).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		await expect(poll(new LogsSource(config(`http://127.0.0.1:${free}`)))).rejects.toThrow(
			/ECONNREFUSED/,
		);
	});

	it('a jump needs both a ratio and a floor', () => {
		const quiet = Array.from({length: 60}, () => 2);
		expect(errorJump(quiet).jumped).toBe(false);
		expect(errorJump([...quiet.slice(2), 2, 40]).jumped).toBe(true);
		expect(errorJump([...quiet.slice(2), 2, 6]).jumped).toBe(false);
	});
});
