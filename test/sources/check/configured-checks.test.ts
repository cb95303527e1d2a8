// Configured checks (`checks:`): `irtop check` runs them beside the built-in
// ones; a failing command exits 1 naming it; its flips land on the timeline once.
import {mkdtempSync, writeFileSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import net from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {recordCheckFlips} from '../../../source/cli/check-events.ts';
import {main} from '../../../source/cli/main.ts';
import {parseConfig} from '../../../source/config/parse.ts';
import {Store} from '../../../source/engine/store.ts';
import {runCheck} from '../../../source/sources/health/check.ts';
import {configuredChecks} from '../../../source/sources/health/configured/index.ts';
import {Timeline} from '../../../source/timeline/timeline.ts';
import {capture} from '../../support/capture.ts';

async function irtop(argv: string[], configText: string) {
	const stdout = capture();
	const stderr = capture();
	const home = mkdtempSync(join(tmpdir(), 'irtop-checks-'));
	const file = join(home, 'config.yaml');
	writeFileSync(file, configText);
	const code = await main({
		argv: [...argv, '--config', file],
		env: {HOME: home, XDG_CONFIG_HOME: home, PATH: process.env.PATH},
		stdout: stdout.stream,
		stderr: stderr.stream,
		version: '0.0.0-test',
	});
	return {code, stdout: stdout.text(), stderr: stderr.text(), home};
}

const checksOf = (text: string) => configuredChecks(parseConfig(text, null).checks);

describe('configured checks', () => {
	it('irtop check exits 1 naming the failing command, and passes the others', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-smoke-'));
		writeFileSync(
			join(dir, 'smoke.sh'),
			'echo "checking payments"\necho "payments: 502" >&2\nexit 3\n',
			{
				mode: 0o755,
			},
		);
		const {code, stdout, stderr} = await irtop(
			['check'],
			`checks:
  - {name: smoke, command: ["./smoke.sh"], cwd: ${dir}}
  - {name: truthy, command: ["true"]}
`,
		);
		expect(code).toBe(1);
		expect(stdout).toMatch(/^smoke\s+FAIL\s+\d+ ms\s+exit 3 · payments: 502$/m);
		expect(stdout).toMatch(/^truthy\s+ok\s+/m);
		expect(stderr).toBe('irtop: check failed: smoke (exit 3 · payments: 502)\n');
	});

	it('--json gives each check its kind and output', async () => {
		const {code, stdout} = await irtop(
			['check', '--json'],
			'checks:\n  - {name: hello, command: ["sh", "-c", "echo hello; echo there"], expect: "there"}\n',
		);
		expect(code).toBe(0);
		const [check] = (JSON.parse(stdout) as {checks: {kind: string; ok: boolean; output: string}[]})
			.checks;
		expect(check).toMatchObject({
			name: 'hello',
			kind: 'command',
			ok: true,
			output: 'hello\nthere\n',
		});
	});

	it('expect decides for a command: no match fails it even on exit 0', async () => {
		const [check] = checksOf(
			'checks:\n  - {name: a, command: ["echo", "degraded"], expect: "^ok"}\n',
		);
		const result = await runCheck(check!);
		expect(result).toMatchObject({ok: false, detail: 'output does not match /^ok/ · degraded'});
	});

	it('a command past its timeout fails saying so', async () => {
		const [check] = checksOf(
			'checks:\n  - {name: slow, command: ["sleep", "5"], timeoutMs: 200}\n',
		);
		const result = await runCheck(check!);
		expect(result).toMatchObject({ok: false, detail: 'timed out after 0.2 s'});
	});

	it('url checks read the method, the status and the body; tcp checks connect', async () => {
		const server = net.createServer((socket) => {
			socket.once('data', (request) => {
				const method = request.toString().split(' ')[0];
				const body = `method=${method} status=degraded`;
				socket.end(
					`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		try {
			const checks = checksOf(`checks:
  - {name: post, url: "http://127.0.0.1:${port}/x", method: POST, expect: "method=POST"}
  - {name: body, url: "http://127.0.0.1:${port}/x", expect: "status=ok"}
  - {name: status, url: "http://127.0.0.1:${port}/x", expectStatus: 204}
  - {name: port, tcp: "127.0.0.1:${port}"}
  - {name: closed, tcp: "127.0.0.1:1"}
`);
			const results = await Promise.all(checks.map((c) => runCheck(c)));
			expect(results.map((r) => [r.name, r.kind, r.ok, r.detail])).toEqual([
				['post', 'url', true, 'HTTP 200'],
				['body', 'url', false, 'HTTP 200, body does not match /status=ok/'],
				['status', 'url', false, 'HTTP 200, expected 204'],
				['port', 'tcp', true, 'connected'],
				['closed', 'tcp', false, '127.0.0.1:1: ECONNREFUSED'],
			]);
		} finally {
			server.close();
		}
	});

	it('a longer interval answers with the last outcome until the check is due', async () => {
		let now = 0;
		const dir = mkdtempSync(join(tmpdir(), 'irtop-interval-'));
		const counter = join(dir, 'n');
		const [check] = configuredChecks(
			parseConfig(
				`checks:\n  - {name: count, command: ["sh", "-c", "echo x >> ${counter}; wc -l < ${counter}"], intervalSeconds: 60}\n`,
				null,
			).checks,
			() => now,
		);
		const first = await runCheck(check!);
		now = 30_000;
		const cached = await runCheck(check!);
		now = 61_000;
		const again = await runCheck(check!);
		expect([first.output?.trim(), cached.output?.trim(), again.output?.trim()]).toEqual([
			'1',
			'1',
			'2',
		]);
	});

	it('a flip lands on the open incident once each way; the first pass is no news', () => {
		const store = new Store({frameMs: 0});
		const timeline = new Timeline({now: () => 0});
		const stop = recordCheckFlips(store, timeline);
		timeline.open({title: 'x', severity: 'P2'});
		const result = (ok: boolean) => [
			{
				name: 'smoke',
				kind: 'command',
				ok,
				latencyMs: 5,
				detail: ok ? 'exit 0' : 'exit 3',
				certDaysLeft: null,
			},
			// Built-in checks are told by their source's state, not here.
			{name: 'postgres', kind: 'postgres', ok, latencyMs: 5, detail: 'x', certDaysLeft: null},
		];
		for (const ok of [true, true, false, false, false, true, true]) {
			store.setData('health', result(ok), 0);
			store.flush();
		}
		stop();
		expect(timeline.getSnapshot().events.map((e) => e.text)).toEqual([
			'Incident opened: x (P2)',
			'Check smoke fails · exit 3',
			'Check smoke passes again',
		]);
		// Resumed: the journal's last word on the check counts, so nothing repeats.
		const resumed = new Timeline({now: () => 0});
		const snapshot = timeline.getSnapshot();
		resumed.load(snapshot.incident!, snapshot.events);
		const store2 = new Store({frameMs: 0});
		const stop2 = recordCheckFlips(store2, resumed);
		store2.setData('health', result(true), 0);
		store2.flush();
		stop2();
		expect(resumed.getSnapshot().events).toHaveLength(3);
	});
});
