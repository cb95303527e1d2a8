/**
 * Environment overrides, under each ecosystem's own names so that a shell
 * already set up for kubectl, psql, redis-cli or a twelve-factor app just
 * works. They are applied to the raw file contents before validation, so the
 * schema checks them like anything else and an error can name the variable.
 * An empty variable counts as unset.
 */

type Path = readonly string[];

export interface EnvOrigin {
	readonly variable: string;
	readonly path: Path;
}

interface Override {
	readonly variable: string;
	readonly path: Path;
	readonly parse?: (value: string) => unknown;
}

// A port from the environment is a string; turn it into the number the schema expects
// only when it looks like one, so "abc" is reported as it was given.
const portValue = (value: string): unknown => (/^\d+$/.test(value) ? Number(value) : value);

const list = (value: string): string[] =>
	value
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');

const overrides: readonly Override[] = [
	// May be a ':'-separated list: kept as given, the Kubernetes client merges the files.
	{variable: 'KUBECONFIG', path: ['kubernetes', 'kubeconfig']},
	{variable: 'PROMETHEUS_URL', path: ['prometheus', 'url']},
	{variable: 'ALERTMANAGER_URL', path: ['alertmanager', 'url']},
	{variable: 'REDIS_URL', path: ['redis', 'url']},
	// Sharing the timeline across hosts (issue 14): irtop's own name, REDIS_URL is the panel's server.
	{variable: 'IRTOP_SHARE_URL', path: ['timeline', 'share', 'url']},
	{variable: 'KAFKA_BROKERS', path: ['kafka', 'brokers'], parse: list},
	{variable: 'ELASTICSEARCH_URL', path: ['logs', 'url']},
	{variable: 'SLACK_WEBHOOK_URL', path: ['integrations', 'slack', 'webhookUrl']},
	{variable: 'STATUSPAGE_API_KEY', path: ['integrations', 'statuspage', 'apiKey']},
	{variable: 'STATUSPAGE_PAGE_ID', path: ['integrations', 'statuspage', 'pageId']},
	// The runbook's own status page: `curl -H "Authorization: Bearer $STATUS_PAGE_TOKEN"`.
	{variable: 'STATUS_PAGE_TOKEN', path: ['integrations', 'statuspage', 'token']},
	{variable: 'PAGERDUTY_TOKEN', path: ['integrations', 'pagerduty', 'token']},
];

const libpqOverrides: readonly Override[] = [
	{variable: 'PGHOST', path: ['postgres', 'host']},
	{variable: 'PGPORT', path: ['postgres', 'port'], parse: portValue},
	{variable: 'PGUSER', path: ['postgres', 'user']},
	{variable: 'PGPASSWORD', path: ['postgres', 'password']},
	{variable: 'PGDATABASE', path: ['postgres', 'database']},
	{variable: 'PGSSLMODE', path: ['postgres', 'sslmode']},
];

const postgresConnectionKeys = ['host', 'port', 'user', 'password', 'database', 'sslmode'] as const;

/** Every variable irtop reads, with the field it sets (for docs and hints). */
export const environmentVariables: readonly {variable: string; field: string}[] = [
	...overrides,
	{variable: 'DATABASE_URL', path: ['postgres', 'url']},
	...libpqOverrides,
].map(({variable, path}) => ({variable, field: path.join('.')}));

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

// Returns the object that holds the last key, creating missing sections. A
// section the file set to something else (a typo like `postgres: 5`) is left
// alone so its own error is reported rather than hidden by the override.
const parentOf = (root: Mapping, path: Path): Mapping | null => {
	let node = root;
	for (const key of path.slice(0, -1)) {
		const child = node[key];
		if (child === undefined) {
			node[key] = {};
		} else if (!isMapping(child)) {
			return null;
		}
		node = node[key] as Mapping;
	}
	return node;
};

const present = (env: NodeJS.ProcessEnv, variable: string): string | undefined => {
	const value = env[variable];
	return value === undefined || value === '' ? undefined : value;
};

/**
 * The file's contents with the environment applied, and where each
 * overridden field came from.
 *
 * PostgreSQL: DATABASE_URL, when set, replaces the whole connection from the
 * file (url and host/port/user/password/database/sslmode) and the PG*
 * variables are ignored, because a full URL is the more deliberate choice.
 * Otherwise each PG* variable overrides its own field.
 */
export const applyEnv = (
	input: Mapping,
	env: NodeJS.ProcessEnv,
): {input: Mapping; origins: EnvOrigin[]} => {
	const merged = structuredClone(input);
	const origins: EnvOrigin[] = [];
	const set = ({variable, path, parse}: Override, value: string): void => {
		const parent = parentOf(merged, path);
		const key = path.at(-1);
		if (parent !== null && key !== undefined) {
			parent[key] = parse ? parse(value) : value;
			origins.push({variable, path});
		}
	};

	for (const override of overrides) {
		const value = present(env, override.variable);
		if (value !== undefined) {
			set(override, value);
		}
	}

	const databaseUrl = present(env, 'DATABASE_URL');
	if (databaseUrl === undefined) {
		for (const override of libpqOverrides) {
			const value = present(env, override.variable);
			if (value !== undefined) {
				set(override, value);
			}
		}
	} else {
		set({variable: 'DATABASE_URL', path: ['postgres', 'url']}, databaseUrl);
		const postgres = merged.postgres;
		if (isMapping(postgres)) {
			for (const key of postgresConnectionKeys) {
				delete postgres[key];
			}
		}
	}
	return {input: merged, origins};
};
