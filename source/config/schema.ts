import {z} from 'zod';
import {defaultRefreshSeconds} from './defaults.ts';
import {positiveNumber} from './fields.ts';
import {actionsSchema} from './schema-actions.ts';
import {checksSchema} from './schema-checks.ts';
import {diskSchema} from './schema-disk.ts';
import {escalationSchema, integrationsSchema, mitigationsSchema} from './schema-operations.ts';
import {runbookSchema} from './schema-runbook.ts';
import {
	alertmanagerSchema,
	healthSchema,
	kafkaSchema,
	kubernetesSchema,
	logsSchema,
	postgresSchema,
	prometheusSchema,
	redisSchema,
} from './schema-sources.ts';
import {timelineSchema} from './schema-timeline.ts';

/**
 * The one schema for everything a user configures. Every section is always
 * present after parsing (with its defaults), so callers never test for a
 * missing section, only for the fields that make a source configured.
 */
export const configSchema = z.strictObject({
	refreshSeconds: positiveNumber().default(defaultRefreshSeconds),
	// Defaulting to $USER is the caller's business: it is not configuration.
	author: z.string().min(1, {error: 'must not be empty'}).optional(),
	kubernetes: kubernetesSchema.prefault({}),
	prometheus: prometheusSchema.prefault({}),
	alertmanager: alertmanagerSchema.prefault({}),
	postgres: postgresSchema.prefault({}),
	redis: redisSchema.prefault({}),
	kafka: kafkaSchema.prefault({}),
	logs: logsSchema.prefault({}),
	health: healthSchema.default(() => []),
	checks: checksSchema.default(() => []),
	actions: actionsSchema.default(() => []),
	// Absent: the built-in runbook (source/runbook/default-runbook.ts), adapted to what is configured.
	runbook: runbookSchema.optional(),
	integrations: integrationsSchema.prefault({}),
	mitigations: mitigationsSchema.prefault({}),
	escalation: escalationSchema.prefault({}),
	disk: diskSchema.prefault({}),
	timeline: timelineSchema.prefault({}),
});

/** The validated configuration, with every default applied. */
export type Config = z.output<typeof configSchema>;

/** What a config file may contain (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;

export type PrometheusConfig = Config['prometheus'];
export type PostgresConfig = Config['postgres'];
export type KafkaConfig = Config['kafka'];
export type LogsConfig = Config['logs'];
export type HealthCheckConfig = Config['health'][number];
export type {ActionConfig, ActionInputConfig, ActionScope} from './schema-actions.ts';
export type {CheckConfig} from './schema-checks.ts';
export type {Condition, RunbookConfig, RunbookStepConfig} from './schema-runbook.ts';
