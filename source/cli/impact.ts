import type {Config} from '../config/index.ts';
import {httpFetch} from '../net/fetch.ts';
import type {Impact} from '../timeline/export-markdown.ts';

interface PromAnswer {
	status?: string;
	error?: string;
	data?: {result?: {value?: [number, string]}[]};
}

// Credentials in the URL become a Basic header: fetch refuses them, and they must never be quoted.
function endpoint(url: string): {base: string; headers: Record<string, string>} {
	const parsed = new URL(url);
	const headers: Record<string, string> = {};
	if (parsed.username || parsed.password) {
		const user = decodeURIComponent(parsed.username);
		const password = decodeURIComponent(parsed.password);
		headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
		parsed.username = '';
		parsed.password = '';
	}
	return {base: parsed.toString().replace(/\/$/, ''), headers};
}

async function instant(url: string, query: string, at: number, timeoutMs: number): Promise<number> {
	const {base, headers} = endpoint(url);
	const params = new URLSearchParams({query, time: String(at / 1000)});
	const response = await httpFetch(`${base}/api/v1/query?${params}`, {
		headers,
		signal: AbortSignal.timeout(timeoutMs),
	});
	const body = (await response.json()) as PromAnswer;
	if (body.status !== 'success') throw new Error(body.error ?? `HTTP ${response.status}`);
	// No sample: no 5xx at all in the window (the numerator is empty).
	return Number(body.data?.result?.[0]?.value?.[1] ?? 0);
}

/**
 * The incident's impact from Prometheus over its window: failed requests
 * (increase of the 5xx count) and the peak 5xx ratio. Null when Prometheus
 * is not configured; an error is reported, never thrown.
 */
export async function measureImpact(
	config: Config,
	from: number,
	to: number,
	timeoutMs = 5000,
): Promise<Impact | null> {
	const {url, statusLabel} = config.prometheus;
	if (!url) return null;
	const seconds = Math.max(60, Math.ceil((to - from) / 1000));
	const errors = `http_requests_total{${statusLabel}=~"5.."}`;
	try {
		const [failed, peak] = await Promise.all([
			instant(url, `sum(increase(${errors}[${seconds}s]))`, to, timeoutMs),
			instant(
				url,
				`max_over_time((sum(rate(${errors}[1m])) / sum(rate(http_requests_total[1m])))[${seconds}s:30s])`,
				to,
				timeoutMs,
			),
		]);
		return {failedRequests: Math.round(failed), peakErrorRatio: peak};
	} catch (error) {
		return {error: `Prometheus: ${error instanceof Error ? error.message : String(error)}`};
	}
}
