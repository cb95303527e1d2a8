import {z} from 'zod';
import {defaultRefreshSeconds} from './defaults.ts';
import {positiveNumber} from './fields.ts';
import {escalationSchema, integrationsSchema, mitigationsSchema} from './schema-operations.ts';
import {
	alertmanagerSchema,
	healthSchema,
	kafkaSchema,
	kubernetesSchema,
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
	health: healthSchema.default(() => []),
	integrations: integrationsSchema.prefault({}),
	mitigations: mitigationsSchema.prefault({}),
	escalation: escalationSchema.prefault({}),
	timeline: timelineSchema.prefault({}),
});

/** The validated configuration, with every default applied. */
export type Config = z.output<typeof configSchema>;

/** What a config file may contain (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;

export type PrometheusConfig = Config['prometheus'];
export type PostgresConfig = Config['postgres'];
export type KafkaConfig = Config['kafka'];
export type HealthCheckConfig = Config['health'][number];
