import {z} from 'zod';
import {escalationDefaults, integrationDefaults, mitigationDefaults} from './defaults.ts';
import {envName, httpUrl, k8sName, k8sNamespace, nonEmpty} from './fields.ts';

/**
 * Schemas of what irtop uses to act and to tell people: integrations,
 * mitigation targets and escalation contacts.
 *
 * Integration credentials are optional field by field: they often come from
 * the environment, and a half-configured integration is reported when it is
 * used (`integrationConfigured`), not by refusing to start the dashboard.
 */

export const integrationsSchema = z.strictObject({
	slack: z.strictObject({webhookUrl: httpUrl().optional()}).prefault({}),
	statuspage: z
		.strictObject({
			// Statuspage.io, or the runbook's own status page API (`POST {url}/api/incidents`).
			provider: z.enum(['statuspage', 'runbook']).default('statuspage'),
			// Statuspage.io's endpoint when unset; the runbook's page has no public default.
			url: httpUrl().optional(),
			pageId: nonEmpty().optional(),
			apiKey: nonEmpty().optional(),
			// The runbook's $STATUS_PAGE_TOKEN (Bearer).
			token: nonEmpty().optional(),
		})
		.prefault({}),
	pagerduty: z
		.strictObject({
			url: httpUrl().default(integrationDefaults.pagerdutyUrl),
			token: nonEmpty().optional(),
			scheduleIds: z.array(nonEmpty()).optional(),
		})
		.prefault({}),
});

export const mitigationsSchema = z.strictObject({
	circuitBreaker: z
		.strictObject({
			// Replaces the default set as a whole, so a variable can be dropped.
			env: z
				.record(envName(), z.string())
				.default(() => ({...mitigationDefaults.circuitBreakerEnv})),
		})
		.prefault({}),
	rateLimit: z
		.strictObject({
			namespace: k8sNamespace().default(mitigationDefaults.rateLimit.namespace),
			configMap: k8sName().default(mitigationDefaults.rateLimit.configMap),
			deployment: k8sName().default(mitigationDefaults.rateLimit.deployment),
			key: nonEmpty().default(mitigationDefaults.rateLimit.key),
		})
		.prefault({}),
	defaultTarget: z
		.strictObject({
			namespace: k8sNamespace().default(mitigationDefaults.defaultTarget.namespace),
			deployment: k8sName().default(mitigationDefaults.defaultTarget.deployment),
		})
		.prefault({}),
});

export const escalationSchema = z.strictObject({
	oncall: nonEmpty().default(escalationDefaults.oncall),
	platformLead: nonEmpty().default(escalationDefaults.platformLead),
	cto: nonEmpty().default(escalationDefaults.cto),
	securityLead: nonEmpty().default(escalationDefaults.securityLead),
});
