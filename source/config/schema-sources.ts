import {z} from 'zod';
import {kafkaDefaults, logsDefaults, postgresDefaults, prometheusDefaults} from './defaults.ts';
import {
	broker,
	httpUrl,
	k8sName,
	k8sNamespace,
	labelName,
	nonEmpty,
	port,
	positiveInt,
	positiveNumber,
	promDuration,
	regexSource,
	urlOf,
} from './fields.ts';

/** Schemas of the sections that configure a data source. */

const uniqueNames = (items: readonly {name: string}[], context: z.RefinementCtx): void => {
	const seen = new Set<string>();
	for (const [index, item] of items.entries()) {
		if (seen.has(item.name)) {
			context.addIssue({code: 'custom', message: 'duplicate name', path: [index, 'name']});
		}
		seen.add(item.name);
	}
};

export const kubernetesSchema = z
	.strictObject({
		// A path, or a list of paths joined with ':' exactly like KUBECONFIG.
		kubeconfig: nonEmpty().optional(),
		context: nonEmpty().optional(),
		// One namespace or all of them, as kubectl's -n and -A: never a silent subset.
		namespace: k8sNamespace().optional(),
		allNamespaces: z.boolean().default(false),
	})
	.superRefine((value, context) => {
		if (value.allNamespaces && value.namespace !== undefined) {
			context.addIssue({
				code: 'custom',
				message: 'cannot be combined with allNamespaces: true; choose one',
				path: ['namespace'],
			});
		}
	});

const serviceQueriesSchema = z.strictObject({
	name: nonEmpty(),
	errorRatio: nonEmpty().optional(),
	requestRate: nonEmpty().optional(),
	p99: nonEmpty().optional(),
});

export const prometheusSchema = z.strictObject({
	url: httpUrl().optional(),
	serviceLabel: labelName().default(prometheusDefaults.serviceLabel),
	statusLabel: labelName().default(prometheusDefaults.statusLabel),
	errorThreshold: z
		.number()
		.gt(0, {error: 'must be a ratio between 0 and 1 (0.01 = 1 %)'})
		.lte(1, {error: 'must be a ratio between 0 and 1 (0.01 = 1 %)'})
		.default(prometheusDefaults.errorThreshold),
	window: promDuration().default(prometheusDefaults.window),
	services: z.array(serviceQueriesSchema).superRefine(uniqueNames).optional(),
});

export const alertmanagerSchema = z.strictObject({
	url: httpUrl().optional(),
});

export const sslModes = [
	'disable',
	'allow',
	'prefer',
	'require',
	'verify-ca',
	'verify-full',
] as const;

// `url` is the base; host, port, user, password, database and sslmode override its parts.
export const postgresSchema = z.strictObject({
	url: urlOf(['postgres:', 'postgresql:']).optional(),
	host: nonEmpty().optional(),
	port: port().optional(),
	user: nonEmpty().optional(),
	password: z.string().optional(),
	database: nonEmpty().optional(),
	sslmode: z.enum(sslModes).optional(),
	statementTimeoutMs: positiveInt().default(postgresDefaults.statementTimeoutMs),
	longQuerySeconds: positiveNumber().default(postgresDefaults.longQuerySeconds),
	idleMinutes: positiveNumber().default(postgresDefaults.idleMinutes),
	/** The workload that runs PostgreSQL: raising max_connections restarts it (the runbook's rollout restart). */
	workload: z
		.strictObject({
			kind: z.enum(['statefulset', 'deployment']).default('statefulset'),
			namespace: k8sNamespace(),
			name: k8sName(),
		})
		.optional(),
});

export const redisSchema = z.strictObject({
	url: urlOf(['redis:', 'rediss:']).optional(),
	password: z.string().optional(),
});

const kafkaTlsSchema = z.strictObject({
	ca: nonEmpty().optional(),
	cert: nonEmpty().optional(),
	key: nonEmpty().optional(),
	rejectUnauthorized: z.boolean().optional(),
});

export const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

export const kafkaSchema = z.strictObject({
	brokers: z.array(broker()).optional(),
	clientId: nonEmpty().default(kafkaDefaults.clientId),
	ssl: z.union([z.boolean(), kafkaTlsSchema]).optional(),
	sasl: z
		.strictObject({
			mechanism: z.enum(saslMechanisms),
			username: nonEmpty(),
			password: z.string(),
		})
		.optional(),
	// Only consumer groups whose id matches are shown.
	groups: regexSource().optional(),
});

export const healthSchema = z
	.array(
		z.strictObject({
			name: nonEmpty(),
			url: httpUrl(),
			timeoutMs: positiveInt().optional(),
			expectStatus: z
				.number()
				.int({error: 'expected an HTTP status code from 100 to 599'})
				.min(100, {error: 'expected an HTTP status code from 100 to 599'})
				.max(599, {error: 'expected an HTTP status code from 100 to 599'})
				.optional(),
		}),
	)
	.superRefine(uniqueNames);

// Elasticsearch 8.x or OpenSearch 2.x: the same _search DSL. Credentials are
// Basic (username/password, or user:password in the URL) or an Elasticsearch
// API key (`Authorization: ApiKey …`), never both.
export const logsSchema = z
	.strictObject({
		url: httpUrl().optional(),
		index: nonEmpty().default(logsDefaults.index),
		levelField: nonEmpty().default(logsDefaults.levelField),
		timeField: nonEmpty().default(logsDefaults.timeField),
		messageField: nonEmpty().default(logsDefaults.messageField),
		namespaceField: nonEmpty().default(logsDefaults.namespaceField),
		podField: nonEmpty().default(logsDefaults.podField),
		containerField: nonEmpty().default(logsDefaults.containerField),
		appField: nonEmpty().default(logsDefaults.appField),
		username: nonEmpty().optional(),
		password: z.string().optional(),
		apiKey: nonEmpty().optional(),
		// A PEM file with the CA that signed the server's certificate.
		ca: nonEmpty().optional(),
	})
	.superRefine((value, context) => {
		if (value.apiKey !== undefined && value.username !== undefined) {
			context.addIssue({
				code: 'custom',
				message: 'cannot be combined with username/password; choose one',
				path: ['apiKey'],
			});
		}
		if (value.password !== undefined && value.username === undefined) {
			context.addIssue({code: 'custom', message: 'needs a username', path: ['password']});
		}
	});
