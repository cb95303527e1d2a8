// The lab's alert rules: the runbook's thresholds (5xx ratio above 1 %,
// p99 latency above 1 s), over a short window so drills see them fire in
// about a minute rather than the production five.

export const alertRules = {
	groups: [
		{
			name: 'irtop-lab',
			interval: '1s',
			rules: [
				{
					alert: 'HighErrorRatio',
					expr:
						'sum by (service) (rate(http_requests_total{status=~"5.."}[30s]))' +
						' / sum by (service) (rate(http_requests_total[30s])) > 0.01',
					for: '30s',
					labels: {severity: 'critical'},
					annotations: {
						summary:
							'{{ $labels.service }}: {{ $value | humanizePercentage }} of requests fail with 5xx',
						runbook: 'runbook.md#4-diagnosis',
					},
				},
				{
					alert: 'HighLatencyP99',
					expr: 'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket[30s]))) > 1',
					for: '30s',
					labels: {severity: 'warning'},
					annotations: {
						summary: '{{ $labels.service }}: p99 latency {{ $value | humanizeDuration }}',
					},
				},
			],
		},
	],
};

export function prometheusConfig(ports: {exporter: number; alertmanager: number}) {
	return {
		global: {scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s'},
		rule_files: ['rules.yml'],
		alerting: {
			alertmanagers: [{static_configs: [{targets: [`127.0.0.1:${ports.alertmanager}`]}]}],
		},
		scrape_configs: [
			{
				job_name: 'lab-exporter',
				static_configs: [{targets: [`127.0.0.1:${ports.exporter}`]}],
			},
		],
	};
}
