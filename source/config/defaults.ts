/**
 * Defaults taken from the incident runbook, so that irtop with no config file
 * checks and acts on exactly what the runbook tells a human to.
 */

export const defaultRefreshSeconds = 2;

export const prometheusDefaults = {
	serviceLabel: 'service',
	statusLabel: 'status',
	// The runbook: "Check error rate. If > 1%, investigate further".
	errorThreshold: 0.01,
	window: '5m',
} as const;

export const postgresDefaults = {
	// A dashboard must never be the thing that holds a lock for long.
	statementTimeoutMs: 2000,
	// The runbook's slow-query check: `now() - query_start > interval '5 seconds'`.
	longQuerySeconds: 5,
	// The runbook kills idle connections older than 30 minutes.
	idleMinutes: 30,
} as const;

export const kafkaDefaults = {
	clientId: 'irtop',
} as const;

// The runbook's "Search Elasticsearch" step, and Fluent Bit's kubernetes filter field names.
export const logsDefaults = {
	index: 'fluentbit-*',
	levelField: 'level',
	timeField: '@timestamp',
	messageField: 'message',
	namespaceField: 'kubernetes.namespace_name',
	podField: 'kubernetes.pod_name',
	containerField: 'kubernetes.container_name',
	appField: 'kubernetes.labels.app',
} as const;

export const integrationDefaults = {
	statuspageUrl: 'https://api.statuspage.io/v1',
	pagerdutyUrl: 'https://api.pagerduty.com',
} as const;

export const mitigationDefaults = {
	// The runbook's circuit breaker: `kubectl set env ... CIRCUIT_BREAKER_ENABLED=true CIRCUIT_BREAKER_THRESHOLD=5`.
	circuitBreakerEnv: {
		CIRCUIT_BREAKER_ENABLED: 'true',
		CIRCUIT_BREAKER_THRESHOLD: '5',
	},
	// The runbook's rate limit: `kubectl edit configmap ingress-nginx-controller -n platform-ingress`.
	rateLimit: {
		namespace: 'platform-ingress',
		configMap: 'ingress-nginx-controller',
		deployment: 'ingress-nginx-controller',
		key: 'limit-rps',
	},
	// The runbook's example incident: onboarding-api in business-onboarding.
	defaultTarget: {
		namespace: 'business-onboarding',
		deployment: 'onboarding-api',
	},
} as const;

// The runbook's "Emergency Contacts" table (Slack handles).
export const escalationDefaults = {
	oncall: '@oncall',
	platformLead: '@platform-lead',
	cto: '@cto',
	securityLead: '@security-lead',
} as const;
