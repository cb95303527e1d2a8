import {httpFetch, viaProxy} from '../net/fetch.ts';
import {ProxySettingError} from '../net/proxy-env.ts';

export interface HttpAnswer {
	readonly status: number;
	readonly body: string;
}

export interface HttpRequest {
	readonly method: 'GET' | 'POST' | 'PATCH';
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: unknown;
	readonly timeoutMs: number;
	readonly signal?: AbortSignal;
}

/**
 * One HTTP call to a vendor. Errors never quote the URL: for Slack the URL is
 * the secret, and for the others it can carry one.
 */
export async function request(url: string, options: HttpRequest): Promise<HttpAnswer> {
	const timeout = AbortSignal.timeout(options.timeoutMs);
	const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
	try {
		const response = await httpFetch(url, {
			method: options.method,
			headers: {
				...(options.body === undefined ? {} : {'Content-Type': 'application/json'}),
				...options.headers,
			},
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal,
		});
		return {status: response.status, body: await response.text()};
	} catch (error) {
		if (timeout.aborted) throw new Error(`no answer within ${options.timeoutMs / 1000} s`);
		if (options.signal?.aborted) throw new Error('cancelled');
		const proxy = viaProxy(error);
		const cause = (error as {cause?: {code?: string}}).cause?.code;
		const reasons = [cause, proxy && `via proxy ${proxy}`].filter(Boolean);
		// It names only the variable, never a URL.
		if (error instanceof ProxySettingError) throw new Error(error.message);
		throw new Error(`cannot connect${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`);
	}
}

/** A vendor's error body, cut to one short line for the status bar. */
export function shortBody(body: string): string {
	const line = body.replace(/\s+/g, ' ').trim();
	return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
