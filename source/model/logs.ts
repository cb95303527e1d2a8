/** One log document as the search view shows it (raw strings: the UI sanitises them). */
export interface LogHit {
	readonly id: string;
	/** Epoch ms of the time field; null when the document has none that parses. */
	readonly time: number | null;
	readonly level: string;
	readonly namespace: string;
	readonly pod: string;
	readonly container: string;
	readonly app: string;
	readonly message: string;
}

/**
 * What the search asks for on top of the runbook's query (level ERROR, the
 * last hour): free text in query_string syntax, and a narrowing to a
 * namespace and an app label or a pod. Empty text and nulls: the runbook's query.
 */
export interface LogQuery {
	readonly text: string;
	readonly namespace: string | null;
	readonly app: string | null;
	readonly pod: string | null;
}

export interface LogsData {
	/** The query these hits answer (the view's title says it). */
	readonly query: LogQuery;
	readonly index: string;
	/** The server's own count of matching documents (track_total_hits), not just the hits returned. */
	readonly total: number;
	/** Newest first, at most 100 (the runbook's size). */
	readonly hits: readonly LogHit[];
	/** The runbook's query over the whole index, whatever the narrowing: ERRORs per minute, the last 60 minutes, oldest first. */
	readonly perMinute: readonly number[];
	readonly errorsLastHour: number;
}
