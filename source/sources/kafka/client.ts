import {readFileSync} from 'node:fs';
import {Admin, type ConnectionOptions} from '@platformatic/kafka';
import type {KafkaConfig} from '../../config/index.ts';

/** Connection options (TLS, SASL) shared by the admin client and the health check's probe. */
export function connectionOptions(config: KafkaConfig, timeoutMs: number): ConnectionOptions {
	const tls =
		config.ssl === true
			? {}
			: typeof config.ssl === 'object'
				? {
						ca: config.ssl.ca ? readFileSync(config.ssl.ca) : undefined,
						cert: config.ssl.cert ? readFileSync(config.ssl.cert) : undefined,
						key: config.ssl.key ? readFileSync(config.ssl.key) : undefined,
						rejectUnauthorized: config.ssl.rejectUnauthorized,
					}
				: undefined;
	const mechanisms = {
		plain: 'PLAIN',
		'scram-sha-256': 'SCRAM-SHA-256',
		'scram-sha-512': 'SCRAM-SHA-512',
	} as const;
	return {
		connectTimeout: timeoutMs,
		requestTimeout: timeoutMs,
		...(tls ? {tls} : {}),
		...(config.sasl
			? {
					sasl: {
						mechanism: mechanisms[config.sasl.mechanism],
						username: config.sasl.username,
						password: config.sasl.password,
					},
				}
			: {}),
	};
}

/**
 * The Kafka admin client: @platformatic/kafka, because it speaks Kafka 4's
 * protocol versions, batches OffsetFetch for many groups in one request
 * (v8+), and prints nothing on its own (docs/decisions.md).
 */
export function createAdmin(config: KafkaConfig, timeoutMs = 5000): Admin {
	return new Admin({
		clientId: config.clientId,
		bootstrapBrokers: config.brokers ?? [],
		// The scheduler retries with backoff; the client must fail fast and say why.
		retries: 0,
		metadataMaxAge: 0,
		...connectionOptions(config, timeoutMs),
	});
}

/** The broker's own words from the library's nested errors, one line. */
export function kafkaReason(error: unknown): string {
	const seen: string[] = [];
	let current: unknown = error;
	while (current instanceof Error && seen.length < 4) {
		const nested = (current as {errors?: unknown[]}).errors;
		if (Array.isArray(nested) && nested.length > 0) {
			current = nested[0];
			continue;
		}
		seen.push(current.message);
		current = (current as {cause?: unknown}).cause;
	}
	return seen.length > 0 ? seen.join(': ') : String(error);
}
