// Fluent Bit-shaped log documents, as its kubernetes filter and an
// Elasticsearch output with Logstash_Format (prefix fluentbit) write them:
// `@timestamp`, the application's own `level` and `message` (merged from its
// JSON line, which Fluent Bit keeps in `log`), and `kubernetes.*`.

export interface LogDocument {
	readonly '@timestamp': string;
	readonly level: string;
	readonly message: string;
	readonly log: string;
	readonly stream: string;
	readonly kubernetes: {
		readonly namespace_name: string;
		readonly pod_name: string;
		readonly container_name: string;
		readonly labels: {readonly app: string};
		readonly host: string;
	};
}

export interface LogSource {
	readonly namespace: string;
	readonly app: string;
	readonly pod: string;
	readonly node: string;
}

// The lab's services (the exporter's traffic), one pod each, named like a ReplicaSet's pods.
export const logSources: readonly LogSource[] = [
	{
		namespace: 'business-onboarding',
		app: 'onboarding-api',
		pod: 'onboarding-api-6f9c8d7b5-x2kqp',
		node: 'lab-node-1',
	},
	{
		namespace: 'business-payments',
		app: 'payments-api',
		pod: 'payments-api-5c7b9f6d4-m8rtn',
		node: 'lab-node-2',
	},
	{
		namespace: 'business-notifications',
		app: 'notifications-api',
		pod: 'notifications-api-7d4f5c8b9-q6wzj',
		node: 'lab-node-1',
	},
];

export const errorMessages: readonly string[] = [
	'upstream timed out (110: Connection timed out) while reading response header',
	'failed to fetch case: connection refused (postgresql.platform-observability:5432)',
	'request failed with status 502 from payments-api',
	'unhandled exception in /api/v1/cases: TypeError: Cannot read properties of undefined',
];

const otherMessages: ReadonlyArray<readonly [string, string]> = [
	['INFO', 'GET /api/v1/cases 200'],
	['INFO', 'POST /api/v1/cases 201'],
	['WARN', 'slow query: 1.2 s on cases'],
	['INFO', 'health check ok'],
];

/** `fluentbit-YYYY.MM.DD`: Logstash_Format's daily index, in UTC as Fluent Bit names it. */
export function indexFor(at: number): string {
	const d = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `fluentbit-${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;
}

export function logDocument(
	source: LogSource,
	at: number,
	level: string,
	message: string,
): LogDocument {
	const time = new Date(at).toISOString();
	return {
		'@timestamp': time,
		level,
		message,
		log: JSON.stringify({time, level, message}),
		stream: level === 'INFO' ? 'stdout' : 'stderr',
		kubernetes: {
			namespace_name: source.namespace,
			pod_name: source.pod,
			container_name: source.app,
			labels: {app: source.app},
			host: source.node,
		},
	};
}

/** A deterministic mix for minute `n` (ERRORs, WARNs and INFOs), so every minute has a few of each. */
export function minuteOfLogs(minuteStart: number, n: number): LogDocument[] {
	const docs: LogDocument[] = [];
	for (const [i, source] of logSources.entries()) {
		const [level, message] = otherMessages[(n + i) % otherMessages.length] ?? ['INFO', 'ok'];
		docs.push(logDocument(source, minuteStart + ((7 + 13 * i) % 60) * 1000, level, message));
	}
	// Two ERRORs a minute on onboarding-api and one every third minute on payments-api: a background rate.
	const [onboarding, payments] = logSources;
	if (onboarding) {
		for (const k of [0, 1]) {
			docs.push(
				logDocument(
					onboarding,
					minuteStart + (11 + 29 * k) * 1000,
					'ERROR',
					errorMessages[(n + k) % errorMessages.length] ?? '',
				),
			);
		}
	}
	if (payments && n % 3 === 0) {
		docs.push(logDocument(payments, minuteStart + 23_000, 'ERROR', errorMessages[2] ?? ''));
	}
	return docs;
}

/** The bulk API's NDJSON: an index action line before each document. */
export function bulkBody(docs: readonly LogDocument[]): string {
	return docs
		.map(
			(doc) =>
				`${JSON.stringify({index: {_index: indexFor(Date.parse(doc['@timestamp']))}})}\n${JSON.stringify(doc)}\n`,
		)
		.join('');
}
