import type {LogQuery} from '../../model/index.ts';

/** Where each part of a hit lives in the documents (Fluent Bit's kubernetes filter names by default). */
export interface LogFields {
	readonly levelField: string;
	readonly timeField: string;
	readonly messageField: string;
	readonly namespaceField: string;
	readonly podField: string;
	readonly containerField: string;
	readonly appField: string;
}

/** The runbook's own search: no free text, no narrowing. */
export const runbookQuery: LogQuery = {text: '', namespace: null, app: null, pod: null};

/** The runbook's size: the 100 newest hits. */
export const hitsPerSearch = 100;

/** `{"match": {"level": "ERROR"}}`, as the runbook's curl sends it. */
const errorLevel = (fields: LogFields): object => ({match: {[fields.levelField]: 'ERROR'}});

/**
 * `{"range": {"@timestamp": {"gte": "now-1h"}}}`: the server's clock, not
 * irtop's. With `endMs`, the hour up to that instant instead (epoch ms), so
 * two searches at one fixed instant count the same documents.
 */
const lastHour = (fields: LogFields, endMs?: number): object => ({
	range: {
		[fields.timeField]:
			endMs === undefined
				? {gte: 'now-1h'}
				: {gte: endMs - 3_600_000, lte: endMs, format: 'epoch_millis'},
	},
});

/** The runbook's query, both clauses (ending at `endMs` when given, else the server's now). */
export function runbookClauses(fields: LogFields, endMs?: number): object[] {
	return [errorLevel(fields), lastHour(fields, endMs)];
}

/**
 * An exact value whatever the mapping: a keyword field, or a text field with
 * a `.keyword` sub-field (what dynamic mapping makes of Fluent Bit's strings).
 */
function exactly(field: string, value: string): object {
	return {
		bool: {
			should: [{term: {[field]: value}}, {term: {[`${field}.keyword`]: value}}],
			minimum_should_match: 1,
		},
	};
}

/**
 * The runbook's query with the view's additions. Free text (query_string) is
 * ANDed with it; text that names the level field itself (`level:WARN`)
 * replaces the runbook's ERROR, so other levels stay reachable.
 */
export function searchQuery(query: LogQuery, fields: LogFields, endMs?: number): object {
	const text = query.text.trim();
	const namesLevel = text.includes(`${fields.levelField}:`);
	const must: object[] = [...(namesLevel ? [] : [errorLevel(fields)]), lastHour(fields, endMs)];
	if (text !== '') must.push({query_string: {query: text, default_operator: 'AND'}});
	if (query.namespace) must.push(exactly(fields.namespaceField, query.namespace));
	if (query.app) must.push(exactly(fields.appField, query.app));
	if (query.pod) must.push(exactly(fields.podField, query.pod));
	return {bool: {must}};
}

/**
 * One request for the view and the sparkline: the hits, newest first, with
 * the server's exact count, plus the runbook's ERRORs per minute over the
 * whole index (a `global` aggregation ignores the view's narrowing, so the
 * Error rate title and the timeline's jump do not move with it).
 */
export function searchBody(query: LogQuery, fields: LogFields, endMs?: number): object {
	// The sparkline's minutes end where the search does.
	const bounds =
		endMs === undefined
			? {min: 'now-59m/m', max: 'now/m'}
			: {
					min: Math.floor(endMs / 60_000) * 60_000 - 59 * 60_000,
					max: Math.floor(endMs / 60_000) * 60_000,
				};
	return {
		query: searchQuery(query, fields, endMs),
		sort: [{[fields.timeField]: {order: 'desc', unmapped_type: 'date'}}],
		size: hitsPerSearch,
		track_total_hits: true,
		_source: [
			fields.timeField,
			fields.levelField,
			fields.messageField,
			'log',
			fields.namespaceField,
			fields.podField,
			fields.containerField,
			fields.appField,
		],
		aggs: {
			everything: {
				global: {},
				aggs: {
					runbook: {
						filter: {bool: {must: runbookClauses(fields, endMs)}},
						aggs: {
							perMinute: {
								date_histogram: {
									field: fields.timeField,
									fixed_interval: '1m',
									min_doc_count: 0,
									extended_bounds: bounds,
								},
							},
						},
					},
				},
			},
		},
	};
}
