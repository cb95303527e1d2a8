import {proxyFor, proxyLabel} from './proxy-env.ts';

/** What irtop's callers read of a response; the same for Node's fetch and undici's. */
export interface HttpResponse {
	readonly status: number;
	readonly statusText: string;
	readonly ok: boolean;
	readonly headers: {forEach(callback: (value: string, name: string) => void): void};
	/** The body as a stream, for a reader that stops at a bound (a check's 64 KiB). */
	readonly body: ReadableStream<Uint8Array> | null;
	text(): Promise<string>;
	json(): Promise<unknown>;
}

export interface HttpInit {
	readonly method?: string;
	readonly headers?: Readonly<Record<string, string>>;
	readonly body?: string;
	readonly signal?: AbortSignal;
	/** 'manual': a redirect is the answer (a health check's 3xx), never followed off the host. */
	readonly redirect?: 'follow' | 'manual';
	/** PEM of a CA to trust for this server (a self-hosted log store, say), beside the system's. */
	readonly ca?: string;
}

/**
 * fetch() through the proxy the environment names for this URL (`proxyFor`):
 * the one HTTP entry point of every HTTP client irtop has (sources, notifiers,
 * the export's impact). A direct request is Node's own fetch, as before; a
 * proxied one is undici's fetch with a ProxyAgent (an http URL is forwarded,
 * an https one tunnelled with CONNECT), loaded only when a proxy (or a CA of
 * the server's own, `ca`) is in use.
 * A failure keeps its shape (fetch's TypeError with a `cause`) and names the
 * proxy it went through (`viaProxy`), so an error line can say so.
 */
export async function httpFetch(
	url: string,
	init: HttpInit = {},
	env: NodeJS.ProcessEnv = process.env,
): Promise<HttpResponse> {
	const proxy = proxyFor(new URL(url), env);
	if (!proxy && init.ca === undefined) return fetch(url, init);
	const {undiciFetch} = await import('./proxied.ts');
	try {
		return await undiciFetch(url, init, proxy);
	} catch (error) {
		if (proxy && error instanceof Error) Object.assign(error, {[via]: proxyLabel(proxy)});
		throw error;
	}
}

const via = Symbol('irtop.viaProxy');

/** host:port of the proxy a failed request went through, if it went through one. */
export function viaProxy(error: unknown): string | undefined {
	return error instanceof Error ? (error as {[via]?: string})[via] : undefined;
}
