// `irtop snapshot --json` with the lab's data sources: every documented field is there.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {main} from '../../../source/cli/main.ts';
import {describeLab} from '../../support/lab.ts';

describeLab(
	'snapshot of the data sources',
	['postgres', 'redis', 'prometheus', 'alertmanager', 'exporter', 'kafka'],
	(lab) => {
		it('fills prometheus, alerts, health, postgres, redis and kafka as the README documents', async () => {
			const home = mkdtempSync(join(tmpdir(), 'irtop-snap-'));
			const file = join(home, 'config.yaml');
			writeFileSync(
				file,
				`postgres:\n  url: ${lab.postgres.url('monitor')}\nredis:\n  url: ${lab.redis.url}\nprometheus:\n  url: ${lab.prometheus.url}\nalertmanager:\n  url: ${lab.alertmanager.url}\nkafka:\n  brokers: [${lab.kafka.brokers.join(', ')}]\nhealth:\n  - name: api-gateway\n    url: ${lab.exporter.url}/health\n`,
			);
			let out = '';
			let err = '';
			const stream = (write: (s: string) => void) =>
				({
					isTTY: false,
					write: (s: string) => {
						write(s);
						return true;
					},
				}) as unknown as NodeJS.WriteStream;
			const code = await main({
				argv: ['snapshot', '--json', '--config', file],
				env: {HOME: home, XDG_CONFIG_HOME: home},
				stdout: stream((s) => {
					out += s;
				}),
				stderr: stream((s) => {
					err += s;
				}),
				version: '0.0.0-test',
			});
			expect(err).toBe('');
			expect(code).toBe(0);
			const doc = JSON.parse(out);
			for (const id of ['prometheus', 'alerts', 'health', 'postgres', 'redis', 'kafka'])
				expect(doc.sources[id].state).toBe('ok');
			expect(Object.keys(doc.prometheus.services[0]).sort()).toEqual([
				'errorRatio',
				'name',
				'p99Seconds',
				'requestRate',
				'trend',
			]);
			expect(doc.health.map((h: {name: string}) => h.name)).toContain('api-gateway');
			expect(Object.keys(doc.postgres).sort()).toEqual([
				'blocked',
				'canSignal',
				'connections',
				'idleOver30m',
				'longQueries',
				'maxConnections',
			]);
			expect(doc.postgres.canSignal.allowed).toBe(false);
			expect(doc.redis.maxMemoryBytes).toBe(64 * 1024 * 1024);
			const workers = doc.kafka.groups.find(
				(g: {group: string}) => g.group === 'onboarding-workers',
			);
			expect(Object.keys(workers).sort()).toEqual([
				'group',
				'lag',
				'members',
				'state',
				'status',
				'topics',
			]);
			expect(workers.lag).toBe(
				workers.topics
					.flatMap((t: {partitions: {lag: number | null}[]}) => t.partitions)
					.reduce((sum: number, p: {lag: number | null}) => sum + (p.lag ?? 0), 0),
			);
			expect(out).not.toContain('lab-monitor');
		}, 30_000);
	},
);
