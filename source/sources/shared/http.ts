import {type HttpResponse, httpFetch, viaProxy} from '../../net/fetch.ts';

/** Errors a source reports as its panel state: one line, never a stack, never a secret. */
export class SourceError extends Error {
	override readonly name = 'SourceError';
}

/** Strips user:password from a URL before it can reach an error line or a log. */
export function safeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.username = '';
		parsed.password = '';
		return parsed.origin + parsed.pathname.replace(/\/$/, '');
	} catch {
		return '(invalid url)';
	}
}

/**
 * GET a JSON document. Garbage (not JSON, wrong content) is an error with the
 * first bytes of the body, so a misconfigured URL reads as what it is.
 */
export async function getJson(
	url: string,
	signal: AbortSignal,
	accept: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<{status: number; body: unknown}> {
	let response: HttpResponse;
	try {
		const {target, authorization} = splitCredentials(url);
		response = await httpFetch(target, {
			signal,
			headers: {accept: 'application/json', ...(authorization ? {authorization} : {})},
		});
	} catch (error) {
		throw new SourceError(`${safeUrl(url)}: ${networkReason(error)}`);
	}
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new SourceError(
			`${safeUrl(url)}: HTTP ${response.status}, not JSON: ${JSON.stringify(text.slice(0, 60))}`,
		);
	}
	if (!accept(response.status) && !(body && typeof body === 'object')) {
		throw new SourceError(`${safeUrl(url)}: HTTP ${response.status}`);
	}
	return {status: response.status, body};
}

/** fetch() refuses URLs with user:password; they become a Basic Authorization header instead. */
export function splitCredentials(url: string): {target: string; authorization: string | null} {
	const parsed = new URL(url);
	if (parsed.username === '' && parsed.password === '') return {target: url, authorization: null};
	const user = decodeURIComponent(parsed.username);
	const password = decodeURIComponent(parsed.password);
	parsed.username = '';
	parsed.password = '';
	const token = Buffer.from(`${user}:${password}`).toString('base64');
	return {target: parsed.href, authorization: `Basic ${token}`};
}

// Any URL an error message quotes loses its credentials.
const scrub = (text: string): string => text.replace(/\/\/[^/@\s]*@/g, '//');

/**
 * fetch() wraps the real reason (ECONNREFUSED, …) in `cause`. A proxy in the
 * way is named first: an 80-column panel cuts the end of the line, and
 * "ECONNREFUSED" alone would send someone to the wrong server.
 */
export function networkReason(error: unknown): string {
	const proxy = viaProxy(error);
	return (proxy ? `via proxy ${proxy}: ` : '') + scrub(rawReason(error));
}

function rawReason(error: unknown): string {
	if (error instanceof Error) {
		if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timed out';
		const cause = (error as {cause?: unknown}).cause;
		if (cause instanceof Error) {
			const code = (cause as {code?: string}).code;
			return code ? `${code} ${cause.message}`.replace(/^(\w+) \1/, '$1') : cause.message;
		}
		return error.message;
	}
	return String(error);
}

export interface PostOptions {
	readonly headers?: Readonly<Record<string, string>>;
	/** The server's own CA (PEM), trusted directly and through a proxy's tunnel. */
	readonly ca?: string;
}

/**
 * POST a JSON body and read a JSON answer, whatever the status: search APIs
 * (Elasticsearch, OpenSearch) put their error in a JSON body, so the caller
 * reads `status` and `body`. Unreachable, timed out or not JSON is a SourceError.
 */
export async function postJson(
	url: string,
	payload: unknown,
	signal: AbortSignal,
	options: PostOptions = {},
): Promise<{status: number; body: unknown}> {
	let status: number;
	let text: string;
	try {
		const {target, authorization} = splitCredentials(url);
		const init = {
			method: 'POST',
			signal,
			headers: {
				accept: 'application/json',
				'content-type': 'application/json',
				...(authorization ? {authorization} : {}),
				...options.headers,
			},
			body: JSON.stringify(payload),
		};
		const response = await httpFetch(target, {
			...init,
			...(options.ca === undefined ? {} : {ca: options.ca}),
		});
		status = response.status;
		text = await response.text();
	} catch (error) {
		throw new SourceError(`${safeUrl(url)}: ${networkReason(error)}`);
	}
	try {
		return {status, body: JSON.parse(text)};
	} catch {
		throw new SourceError(
			`${safeUrl(url)}: HTTP ${status}, not JSON: ${JSON.stringify(text.slice(0, 60))}`,
		);
	}
}
