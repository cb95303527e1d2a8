// The built bundle (scripts/build.mjs) through the counting proxy: undici is
// loaded on demand there, and esbuild's CommonJS interop is not what vitest
// runs, so the proxy path is tested as users run it. `irtop snapshot --json`
// against the lab's Prometheus, Alertmanager and exporter health check.
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {type CountingProxy, startCountingProxy} from '../support/counting-proxy.ts';
import {describeLab} from '../support/lab.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

describeLab('the bundle through a proxy', ['prometheus', 'alertmanager', 'exporter'], (lab) => {
	const dir = mkdtempSync(join(tmpdir(), 'irtop-proxy-bundle-'));
	let proxy: CountingProxy;
	beforeAll(async () => {
		await run(process.execPath, [
			join(root, 'scripts/build.mjs'),
			`--outdir=${join(dir, 'dist')}`,
			'--quiet',
		]);
		proxy = await startCountingProxy();
	}, 120_000);
	afterAll(async () => {
		await proxy?.close();
		rmSync(dir, {recursive: true, force: true});
	});

	it('snapshot --json: every HTTP source ok, each request seen by the proxy', async () => {
		const config = join(dir, 'config.yaml');
		writeFileSync(
			config,
			[
				`prometheus:\n  url: ${lab.prometheus.url}`,
				`alertmanager:\n  url: ${lab.alertmanager.url}`,
				`health:\n  - name: api-gateway\n    url: ${lab.exporter.url}/health`,
			].join('\n'),
		);
		const {stdout} = await run(
			process.execPath,
			[join(dir, 'dist/irtop.js'), 'snapshot', '--json', '--config', config],
			{env: {PATH: process.env.PATH, HOME: dir, HTTP_PROXY: proxy.url}, timeout: 60_000},
		);
		const snapshot = JSON.parse(stdout) as {
			sources: Record<string, {state: string; error?: string}>;
		};
		expect(snapshot.sources).toMatchObject({
			prometheus: {state: 'ok'},
			alerts: {state: 'ok'},
			health: {state: 'ok'},
		});
		const host = (url: string) => new URL(url).host;
		expect(proxy.to(host(lab.prometheus.url)).length).toBeGreaterThan(0);
		const paths = (url: string) => proxy.to(host(url)).map((request) => request.path);
		expect(paths(lab.alertmanager.url)).toContain('/api/v2/alerts');
		expect(paths(lab.exporter.url)).toContain('/health');
	});
});
