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
	let response: Response;
	try {
		response = await fetch(url, {signal, headers: {accept: 'application/json'}});
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

/** fetch() wraps the real reason (ECONNREFUSED, …) in `cause`. */
export function networkReason(error: unknown): string {
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
