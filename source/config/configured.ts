import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {SourceId} from '../model/index.ts';
import type {Config} from './schema.ts';

export interface ConfiguredContext {
	env?: NodeJS.ProcessEnv;
	/** Where to look for `~/.kube/config`; a parameter so tests do not depend on the machine. */
	homedir?: string;
}

const set = (value: string | undefined): boolean => value !== undefined && value !== '';

/**
 * Whether a source has what it needs to be polled. A source that is not
 * configured is shown as such with `notConfiguredHint`, never as an error.
 */
export const sourceConfigured = (
	config: Config,
	id: SourceId,
	context: ConfiguredContext = {},
): boolean => {
	switch (id) {
		case 'kubernetes': {
			// The Kubernetes client's own search order: KUBECONFIG, ~/.kube/config, in-cluster.
			const env = context.env ?? process.env;
			const homedir = context.homedir ?? os.homedir();
			return (
				set(config.kubernetes.kubeconfig) ||
				set(env.KUBECONFIG) ||
				set(env.KUBERNETES_SERVICE_HOST) ||
				existsSync(path.join(homedir, '.kube', 'config'))
			);
		}
		case 'prometheus':
			return set(config.prometheus.url);
		case 'alerts':
			return set(config.alertmanager.url);
		case 'health':
			return config.health.length > 0 || config.checks.length > 0;
		case 'postgres':
			return set(config.postgres.url) || set(config.postgres.host);
		case 'redis':
			return set(config.redis.url);
		case 'kafka':
			return (config.kafka.brokers ?? []).length > 0;
		case 'disk':
			// The host irtop runs on is always there; `disk:` only tunes what is measured.
			return true;

		case 'logs':
			return set(config.logs.url);
	}
};

const hints: Record<SourceId, string> = {
	kubernetes: 'set kubernetes.kubeconfig in config.yaml or KUBECONFIG, or create ~/.kube/config',
	prometheus: 'set prometheus.url in config.yaml or PROMETHEUS_URL',
	alerts: 'set alertmanager.url in config.yaml or ALERTMANAGER_URL',
	health: 'add checks under health: in config.yaml (- name: api, url: https://…/health)',
	postgres: 'set postgres.url or postgres.host in config.yaml, or DATABASE_URL or PGHOST',
	redis: 'set redis.url in config.yaml or REDIS_URL',
	kafka: 'set kafka.brokers in config.yaml or KAFKA_BROKERS',
	disk: 'the host’s filesystems are always read; set disk.paths in config.yaml to measure directories',

	logs: 'set logs.url in config.yaml or ELASTICSEARCH_URL',
};

/** One line telling the user which key or environment variable to set. */
export const notConfiguredHint = (id: SourceId): string => hints[id];

export type IntegrationId = 'slack' | 'statuspage' | 'pagerduty';

/** Whether an integration has every credential it needs (they often come from the environment). */
export const integrationConfigured = (config: Config, id: IntegrationId): boolean => {
	const {slack, statuspage, pagerduty} = config.integrations;
	switch (id) {
		case 'slack':
			return set(slack.webhookUrl);
		case 'statuspage':
			return statuspage.provider === 'runbook'
				? set(statuspage.url) && set(statuspage.token)
				: set(statuspage.pageId) && set(statuspage.apiKey);
		case 'pagerduty':
			return set(pagerduty.token);
	}
};

const integrationHints: Record<IntegrationId, string> = {
	slack: 'set integrations.slack.webhookUrl in config.yaml or SLACK_WEBHOOK_URL',
	statuspage:
		'set integrations.statuspage.pageId and apiKey in config.yaml, or STATUSPAGE_PAGE_ID and STATUSPAGE_API_KEY',
	pagerduty: 'set integrations.pagerduty.token in config.yaml or PAGERDUTY_TOKEN',
};

/** The hint, naming the runbook provider's own keys when the status page is configured as one. */
export const integrationHint = (id: IntegrationId, config?: Config): string =>
	id === 'statuspage' && config?.integrations.statuspage.provider === 'runbook'
		? 'set integrations.statuspage.url in config.yaml and STATUS_PAGE_TOKEN (provider: runbook)'
		: integrationHints[id];
