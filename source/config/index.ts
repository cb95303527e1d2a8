export {
	type ConfiguredContext,
	type IntegrationId,
	integrationConfigured,
	integrationHint,
	notConfiguredHint,
	sourceConfigured,
} from './configured.ts';
export * from './defaults.ts';
export {environmentVariables} from './env.ts';
export {ConfigError, type ConfigIssue} from './errors.ts';
export type {Problem} from './issues.ts';
export {type LoadedConfig, type LoadOptions, loadConfig} from './load.ts';
export {type ParseOptions, parseConfig} from './parse.ts';
export {defaultConfigPath} from './paths.ts';
export {describeProcessEnv, resolveProcessEnv} from './process-env.ts';
export {
	allServicesQueries,
	defaultQueries,
	type QueryLabels,
	type ServiceQueries,
	serviceQueries,
} from './queries.ts';
export {redactConfig, redactUrl, scrubSecrets, secretValues} from './redact.ts';
export {
	type ActionConfig,
	type ActionInputConfig,
	type ActionScope,
	type CheckConfig,
	type Condition,
	type Config,
	type ConfigInput,
	configSchema,
	type HealthCheckConfig,
	type KafkaConfig,
	type LogsConfig,
	type PostgresConfig,
	type PrometheusConfig,
	type RunbookConfig,
	type RunbookStepConfig,
} from './schema.ts';
export {actionScopes, placeholderPattern, scopePlaceholders, scopesOf} from './schema-actions.ts';
