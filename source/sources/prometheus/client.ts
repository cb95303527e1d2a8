import {getJson, SourceError} from '../shared/http.ts';

/** One series of an instant or range query: its labels and numeric samples. */
export interface Series {
	readonly labels: Readonly<Record<string, string>>;
	/** [epoch ms, value]; values keep NaN and ±Inf as Prometheus sent them. */
	readonly samples: readonly (readonly [number, number])[];
}

/** Prometheus' own error envelope, kept apart so the panel can say "bad_data: …". */
export class PrometheusError extends SourceError {
	readonly errorType: string;

	constructor(errorType: string, message: string) {
		super(`${errorType}: ${message}`);
		this.errorType = errorType;
	}
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// Sample values are strings ("NaN", "+Inf", "0.01"); Number() reads all three.
function sample(value: unknown): [number, number] {
	if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string') {
		throw new SourceError('Prometheus answered a malformed sample');
	}
	const [time, text] = value as [unknown, string];
	const parsed = text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
	return [Number(time) * 1000, parsed];
}

/** Reads the `{status, data: {resultType, result}}` envelope; anything else is an error. */
export function parseResponse(body: unknown): Series[] {
	if (!isRecord(body) || (body.status !== 'success' && body.status !== 'error')) {
		throw new SourceError('Prometheus answered something that is not its API envelope');
	}
	if (body.status === 'error') {
		throw new PrometheusError(String(body.errorType ?? 'error'), String(body.error ?? ''));
	}
	const data = body.data;
	if (!isRecord(data) || !Array.isArray(data.result)) {
		throw new SourceError('Prometheus answered without data.result');
	}
	if (data.resultType === 'scalar') return [{labels: {}, samples: [sample(data.result)]}];
	return data.result.map((raw: unknown) => {
		if (!isRecord(raw)) throw new SourceError('Prometheus answered a malformed series');
		const labels = isRecord(raw.metric) ? (raw.metric as Record<string, string>) : {};
		const samples = Array.isArray(raw.values)
			? raw.values.map(sample)
			: raw.value !== undefined
				? [sample(raw.value)]
				: [];
		return {labels, samples};
	});
}

/** An instant query (`/api/v1/query`), evaluated at `atMs` (epoch ms) when given, else at Prometheus' "now". */
export async function query(
	base: string,
	promql: string,
	signal: AbortSignal,
	atMs?: number,
): Promise<Series[]> {
	const params = new URLSearchParams({query: promql});
	if (atMs !== undefined) params.set('time', String(atMs / 1000));
	const url = `${base.replace(/\/$/, '')}/api/v1/query?${params}`;
	// 400/422/503 carry the error envelope: read it rather than the status.
	const {body} = await getJson(url, signal, () => true);
	return parseResponse(body);
}

/** A range query (`/api/v1/query_range`), times in epoch ms. */
export async function queryRange(
	base: string,
	promql: string,
	range: {startMs: number; endMs: number; stepSeconds: number},
	signal: AbortSignal,
): Promise<Series[]> {
	const params = new URLSearchParams({
		query: promql,
		start: String(range.startMs / 1000),
		end: String(range.endMs / 1000),
		step: String(range.stepSeconds),
	});
	const url = `${base.replace(/\/$/, '')}/api/v1/query_range?${params}`;
	const {body} = await getJson(url, signal, () => true);
	return parseResponse(body);
}
