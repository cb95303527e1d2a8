// Prometheus scrapes the lab exporter and evaluates the runbook's alert
// rules; Alertmanager answers; the exporter's /health is irtop's health check.

import {readFileSync} from 'node:fs';
import axios from 'axios';
import {expect, it} from 'vitest';
import {parse} from 'yaml';
import {describeLab} from '../support/lab.ts';

interface Sample {
	metric: Record<string, string>;
	value: [number, string];
}

describeLab(
	'lab prometheus, alertmanager and exporter',
	['prometheus', 'alertmanager', 'exporter'],
	(lab) => {
		const query = async (promql: string) => {
			const {data} = await axios.get(`${lab.prometheus.url}/api/v1/query`, {
				params: {query: promql},
			});
			expect(data.status).toBe('success');
			return data.data.result as Sample[];
		};

		it('scrapes the exporter', async () => {
			const up = await query('up{job="lab-exporter"}');
			expect(up[0]?.value[1]).toBe('1');
		});

		it('has traffic for the three services with a latency histogram', async () => {
			const services = await query('sum by (service) (http_requests_total)');
			expect(services.map((s) => s.metric.service).sort()).toEqual([
				'notifications-api',
				'onboarding-api',
				'payments-api',
			]);
			const buckets = await query('count by (service) (http_request_duration_seconds_bucket)');
			expect(buckets).toHaveLength(3);
		});

		it('loads the error-ratio and p99 alert rules and knows the lab Alertmanager', async () => {
			const {data: rules} = await axios.get(`${lab.prometheus.url}/api/v1/rules`);
			const names = rules.data.groups.flatMap((g: {rules: {name: string}[]}) =>
				g.rules.map((r) => r.name),
			);
			expect(names).toEqual(expect.arrayContaining(['HighErrorRatio', 'HighLatencyP99']));
			const {data: ams} = await axios.get(`${lab.prometheus.url}/api/v1/alertmanagers`);
			expect(ams.data.activeAlertmanagers[0].url).toContain(
				lab.alertmanager.url.replace('http://', ''),
			);
		});

		it('answers the Alertmanager v2 API', async () => {
			const {data: status} = await axios.get(`${lab.alertmanager.url}/api/v2/status`);
			expect(status.cluster.status).toBe('disabled');
			const {data: alerts} = await axios.get(`${lab.alertmanager.url}/api/v2/alerts`);
			expect(Array.isArray(alerts)).toBe(true);
		});

		it('serves /health, listed as a health check in .lab/irtop.yaml', async () => {
			const config = parse(readFileSync(lab.state.files.irtopConfig, 'utf8'));
			const check = config.health.find((h: {name: string}) => h.name === 'api-gateway');
			const {status, data} = await axios.get(check.url);
			expect(status).toBe(200);
			expect(data.status).toBe('ok');
			expect(config.prometheus.url).toBe(lab.prometheus.url);
			expect(config.alertmanager.url).toBe(lab.alertmanager.url);
			expect(config.kafka.brokers).toEqual(lab.kafka.brokers);
		});
	},
);
