import type {LogHit} from '../../model/index.ts';
import {SourceError} from '../shared/http.ts';
import type {LogFields} from './query.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A dotted field of a document: nested objects (`{"kubernetes": {"pod_name"}}`,
 * as Fluent Bit writes) or a flat key with dots in it (as some shippers do).
 */
export function fieldOf(document: unknown, path: string): unknown {
	if (!isRecord(document)) return undefined;
	if (path in document) return document[path];
	const dot = path.indexOf('.');
	for (let i = dot; i !== -1; i = path.indexOf('.', i + 1)) {
		const head = path.slice(0, i);
		if (head in document) {
			const found = fieldOf(document[head], path.slice(i + 1));
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

const text = (value: unknown): string =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

function time(value: unknown): number | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string') return null;
	const parsed = Date.parse(value);
	return Number.isFinite(parsed) ? parsed : null;
}

/** The error an Elasticsearch or OpenSearch answer carries: `{error: {type, reason}}` or a plain string. */
export function searchError(status: number, body: unknown): SourceError {
	const error = isRecord(body) ? body.error : undefined;
	const cause =
		isRecord(error) && Array.isArray(error.root_cause) ? error.root_cause[0] : undefined;
	const detail = isRecord(cause) ? cause : isRecord(error) ? error : undefined;
	const reason = detail
		? [text(detail.type), text(detail.reason)].filter((s) => s !== '').join(': ')
		: text(error);
	const what = status === 401 || status === 403 ? 'denied' : 'error';
	return new SourceError(`${what} (HTTP ${status})${reason ? `: ${reason.slice(0, 200)}` : ''}`);
}

export interface ParsedSearch {
	readonly total: number;
	readonly hits: LogHit[];
	readonly perMinute: number[];
	readonly errorsLastHour: number;
}

/** The last 60 one-minute buckets, oldest first; a minute the server left out counts 0. */
function minutes(buckets: unknown): number[] {
	if (!Array.isArray(buckets)) throw new SourceError('the search answered without its histogram');
	const counts = new Map<number, number>();
	for (const b of buckets) {
		if (isRecord(b) && typeof b.key === 'number' && typeof b.doc_count === 'number')
			counts.set(b.key, b.doc_count);
	}
	const last = Math.max(...counts.keys());
	if (!Number.isFinite(last)) return Array.from({length: 60}, () => 0);
	return Array.from({length: 60}, (_, i) => counts.get(last - (59 - i) * 60_000) ?? 0);
}

/** Reads a `_search` answer (Elasticsearch 8 and OpenSearch 2 write the same one). */
export function parseSearch(body: unknown, fields: LogFields): ParsedSearch {
	if (!isRecord(body) || !isRecord(body.hits) || !Array.isArray(body.hits.hits)) {
		throw new SourceError('the server answered something that is not a search response');
	}
	const {total} = body.hits;
	const count = isRecord(total) ? total.value : total;
	const hits = body.hits.hits.map((raw: unknown, index): LogHit => {
		const hit = isRecord(raw) ? raw : {};
		const source = hit._source;
		const message = text(fieldOf(source, fields.messageField)) || text(fieldOf(source, 'log'));
		return {
			id: text(hit._id) || String(index),
			time: time(fieldOf(source, fields.timeField)),
			level: text(fieldOf(source, fields.levelField)),
			namespace: text(fieldOf(source, fields.namespaceField)),
			pod: text(fieldOf(source, fields.podField)),
			container: text(fieldOf(source, fields.containerField)),
			app: text(fieldOf(source, fields.appField)),
			message,
		};
	});
	const aggregations = isRecord(body.aggregations) ? body.aggregations : {};
	const everything = isRecord(aggregations.everything) ? aggregations.everything : {};
	const runbook = isRecord(everything.runbook) ? everything.runbook : {};
	const perMinute = isRecord(runbook.perMinute) ? runbook.perMinute.buckets : undefined;
	return {
		total: typeof count === 'number' ? count : hits.length,
		hits,
		perMinute: minutes(perMinute),
		errorsLastHour: typeof runbook.doc_count === 'number' ? runbook.doc_count : 0,
	};
}
