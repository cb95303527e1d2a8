import {Agent, type Dispatcher, fetch, ProxyAgent} from 'undici';
import type {HttpInit, HttpResponse} from './fetch.ts';

// undici's fetch, for what Node's own fetch cannot be told: a proxy, or a CA
// of the server's own. Its own module, loaded by fetch.ts only then, so that
// undici is parsed only then. A static import: the bundle's interop gives a
// dynamic import() of undici (CommonJS) no named exports.

// One dispatcher per proxy and CA, kept for the session: its connections (and
// tunnels) are reused like the direct ones.
const dispatchers = new Map<string, Dispatcher>();

export function undiciFetch(url: string, init: HttpInit, proxy: URL | null): Promise<HttpResponse> {
	const {ca, ...request} = init;
	const key = `${proxy?.href ?? ''}\n${ca ?? ''}`;
	let dispatcher = dispatchers.get(key);
	if (!dispatcher) {
		const tls = ca === undefined ? {} : {ca};
		// The CA is the target's, so through a proxy it goes to the tunnelled TLS (requestTls).
		dispatcher = proxy
			? new ProxyAgent({uri: proxy.href, requestTls: tls})
			: new Agent({connect: tls});
		dispatchers.set(key, dispatcher);
	}
	return fetch(url, {...request, dispatcher});
}
