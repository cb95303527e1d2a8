// `irtop check` through main(): the lab's own config passes; a Redis that
// does not answer fails naming it; a bad or empty config is exit 2.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../../source/cli/main.ts';
import {httpCheck} from '../../../source/sources/health/http-check.ts';
import {capture} from '../../support/capture.ts';
import {describeLab} from '../../support/lab.ts';

async function irtop(argv: string[], configText?: string) {
	const stdout = capture();
	const stderr = capture();
	const home = mkdtempSync(join(tmpdir(), 'irtop-check-'));
	const args = [...argv];
	if (configText !== undefined) {
		const file = join(home, 'config.yaml');
		writeFileSync(file, configText);
		args.push('--config', file);
	}
	const code = await main({
		argv: args,
		env: {HOME: home, XDG_CONFIG_HOME: home},
		stdout: stdout.stream,
		stderr: stderr.stream,
		version: '0.0.0-test',
	});
	return {code, stdout: stdout.text(), stderr: stderr.text()};
}

describeLab(
	'irtop check against the lab',
	['postgres', 'redis', 'prometheus', 'alertmanager', 'exporter', 'kafka'],
	(lab) => {
		const config = (redisUrl: string) => `
postgres:
  url: ${lab.postgres.url('monitor')}
redis:
  url: ${redisUrl}
prometheus:
  url: ${lab.prometheus.url}
alertmanager:
  url: ${lab.alertmanager.url}
kafka:
  brokers: [${lab.kafka.brokers.join(', ')}]
health:
  - name: api-gateway
    url: ${lab.exporter.url}/health
`;

		it('exits 0 with the lab up, one line per check', async () => {
			const {code, stdout, stderr} = await irtop(['check'], config(lab.redis.url));
			expect(stderr).toBe('');
			expect(code).toBe(0);
			const names = stdout
				.trim()
				.split('\n')
				.slice(1)
				.map((l) => l.split(/\s{2,}/)[0]);
			expect(names).toEqual([
				'api-gateway',
				'postgres',
				'redis',
				`kafka ${lab.kafka.brokers[0]}`,
				'prometheus',
				'alertmanager',
			]);
			expect(stdout).not.toContain('lab-monitor');
		});

		it('exits 1 naming Redis when Redis does not answer, and --json says why', async () => {
			const down = 'redis://:pw-secret@127.0.0.1:1';
			const {code, stderr} = await irtop(['check'], config(down));
			expect(code).toBe(1);
			expect(stderr).toMatch(/^irtop: check failed: redis \(.*ECONNREFUSED.*\)\n$/);
			const json = await irtop(['check', '--json'], config(down));
			expect(json.code).toBe(1);
			const document = JSON.parse(json.stdout) as {
				ok: boolean;
				checks: {name: string; ok: boolean}[];
			};
			expect(document.ok).toBe(false);
			expect(document.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['redis']);
			expect(json.stdout + json.stderr).not.toContain('pw-secret');
		});
	},
);

describe('irtop check without the lab', () => {
	it('exits 2 on a configuration error and when there is nothing to check', async () => {
		const bad = await irtop(['check'], 'redis:\n  url: http://nope\n');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/redis\.url/);
		const empty = await irtop(['check'], 'refreshSeconds: 2\n');
		expect(empty.code).toBe(2);
		expect(empty.stderr).toMatch(/nothing is configured to check/);
	});

	it('a check that does not answer in time fails with its timeout, without holding the others', async () => {
		const server = http.createServer(() => {});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		try {
			const started = Date.now();
			const {code, stdout} = await irtop(
				['check'],
				`health:\n  - name: hangs\n    url: http://127.0.0.1:${port}/\n    timeoutMs: 300\n`,
			);
			expect(code).toBe(1);
			expect(stdout).toMatch(/hangs\s+FAIL\s+-\s+.*timed out/);
			expect(Date.now() - started).toBeLessThan(3000);
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});
});

describe('http health checks', () => {
	let server: https.Server;
	let port = 0;
	beforeAll(async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-cert-'));
		// A self-signed certificate that expires in 10 days.
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-subj',
				'/CN=localhost',
				'-days',
				'10',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
			],
			{stdio: 'ignore'},
		);
		const {readFileSync} = await import('node:fs');
		server = https.createServer(
			{key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem'))},
			(request, response) => {
				response.statusCode = request.url === '/bad' ? 503 : 200;
				response.end('ok');
			},
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('reports status, latency and days to certificate expiry', async () => {
		process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
		try {
			const good = await httpCheck(
				`https://127.0.0.1:${port}/health`,
				undefined,
				AbortSignal.timeout(3000),
			);
			expect(good).toMatchObject({ok: true, detail: 'HTTP 200'});
			expect(good.certDaysLeft === 9 || good.certDaysLeft === 10).toBe(true);
			const bad = await httpCheck(
				`https://127.0.0.1:${port}/bad`,
				undefined,
				AbortSignal.timeout(3000),
			);
			expect(bad).toMatchObject({ok: false, detail: 'HTTP 503'});
			expect(bad.latencyMs).toBeGreaterThan(0);
		} finally {
			delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
		}
	});
});
