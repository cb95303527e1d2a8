// The few OpenSearch REST calls the lab makes (template, bulk, count), over fetch.
import {bulkBody, type LogDocument} from './documents.ts';

export const openSearchUrl = (port: number) => `http://127.0.0.1:${port}`;

export async function call(
	url: string,
	method: string,
	path: string,
	body?: string,
	contentType = 'application/json',
): Promise<unknown> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: body === undefined ? {} : {'content-type': contentType},
		body,
		signal: AbortSignal.timeout(15_000),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`opensearch ${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
	return text === '' ? null : (JSON.parse(text) as unknown);
}

/** Bulk-indexes documents; `refresh=wait_for` so a seed or a burst is searchable when this returns. */
export async function index(url: string, docs: readonly LogDocument[]): Promise<void> {
	if (docs.length === 0) return;
	const answer = (await call(
		url,
		'POST',
		'/_bulk?refresh=wait_for',
		bulkBody(docs),
		'application/x-ndjson',
	)) as {
		errors?: boolean;
		items?: unknown[];
	};
	if (answer.errors) {
		throw new Error(
			`opensearch bulk: some documents failed: ${JSON.stringify(answer.items?.[0]).slice(0, 300)}`,
		);
	}
}

/**
 * One shard and no replica (a single node could never place one, and the
 * cluster would stay yellow); the rest is dynamic mapping, as a fresh
 * Fluent Bit → Elasticsearch setup gets: strings are text with a .keyword.
 */
export async function putTemplate(url: string): Promise<void> {
	await call(
		url,
		'PUT',
		'/_index_template/fluentbit',
		JSON.stringify({
			index_patterns: ['fluentbit-*'],
			template: {
				settings: {number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s'},
				mappings: {properties: {'@timestamp': {type: 'date'}}},
			},
		}),
	);
}
