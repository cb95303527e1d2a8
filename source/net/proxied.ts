import {type Dispatcher, fetch, ProxyAgent} from 'undici';
import type {HttpInit, HttpResponse} from './fetch.ts';

// Its own module, loaded by fetch.ts only when a proxy is in use, so that
// undici is parsed only then. A static import: the bundle's interop gives a
// dynamic import() of undici (CommonJS) no named exports.

// One agent per proxy URL, kept for the session: its connections (and
// tunnels) are reused like the direct ones.
const agents = new Map<string, Dispatcher>();

export function proxiedFetch(url: string, init: HttpInit, proxy: URL): Promise<HttpResponse> {
	let agent = agents.get(proxy.href);
	if (!agent) {
		agent = new ProxyAgent({uri: proxy.href});
		agents.set(proxy.href, agent);
	}
	return fetch(url, {...init, dispatcher: agent});
}
