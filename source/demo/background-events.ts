import type {EventSpec} from './events.ts';
import {findDeployment} from './inventory.ts';
import {kubeSuffix, templateHash} from './names.ts';
import {podName} from './rollout.ts';
import {backupJobName} from './static-pods.ts';

// What `kubectl get events -A` shows on a quiet day: the nightly backup ran a
// quarter of an hour ago, a certificate was renewed, kibana was slow once.

export function backgroundEvents(startedAt: number): EventSpec[] {
	const ns = 'platform-observability';
	const job = backupJobName(startedAt);
	const pod = `${job}-${kubeSuffix(job, 5)}`;
	const at = -17 * 60;
	const kibanaRevision = findDeployment(ns, 'kibana')?.revision ?? 1;
	const kibana = `pod/${podName('kibana', templateHash('kibana', kibanaRevision), 0)}`;
	const normal = (
		namespace: string,
		reason: string,
		object: string,
		message: string,
		when: number,
	): EventSpec => ({
		namespace,
		type: 'Normal',
		reason,
		object,
		message,
		times: [when],
	});
	return [
		normal('business-onboarding', 'Sync', 'ingress/onboarding-api', 'Scheduled for sync', -51 * 60),
		normal(
			ns,
			'Issuing',
			'certificate/grafana-yourdomain-tld',
			'The certificate has been successfully issued',
			-41 * 60,
		),
		{
			namespace: ns,
			type: 'Warning',
			reason: 'Unhealthy',
			object: kibana,
			message:
				'Readiness probe failed: Get "http://10.42.0.31:5601/api/status": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
			times: {from: -26 * 60 - 20, every: 10, until: -26 * 60 + 5},
		},
		normal(ns, 'SuccessfulCreate', 'cronjob/postgresql-backup', `Created job ${job}`, at),
		normal(ns, 'SuccessfulCreate', `job/${job}`, `Created pod: ${pod}`, at + 0.2),
		normal(
			ns,
			'Scheduled',
			`pod/${pod}`,
			`Successfully assigned ${ns}/${pod} to prod-node-3`,
			at + 0.3,
		),
		normal(
			ns,
			'Pulled',
			`pod/${pod}`,
			'Container image "docker.io/bitnami/postgresql:15.8.0" already present on machine',
			at + 1.4,
		),
		normal(ns, 'Created', `pod/${pod}`, 'Created container: backup', at + 1.8),
		normal(ns, 'Started', `pod/${pod}`, 'Started container backup', at + 2.5),
		normal(ns, 'Completed', `job/${job}`, 'Job completed', at + 94),
		normal(
			ns,
			'SawCompletedJob',
			'cronjob/postgresql-backup',
			`Saw completed job: ${job}, condition: Complete`,
			at + 95,
		),
	];
}
