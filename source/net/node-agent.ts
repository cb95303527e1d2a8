import http from 'node:http';
import https from 'node:https';
import {proxyFor} from './proxy-env.ts';

/**
 * The agent for a node:http(s) request to `url` (the health checks use
 * node:https, whose socket tells the certificate's expiry; fetch cannot):
 * undefined (the global agent) when direct, else Node's own proxy support
 * (Node >= 24.5: forwarding for http, a CONNECT tunnel for https, the
 * certificate still the target's) given only the proxy this URL needs, so
 * that NO_PROXY is decided once, by `proxyFor`, for every client.
 */
export function agentFor(
	url: URL,
	env: NodeJS.ProcessEnv = process.env,
): {agent: http.Agent | undefined; proxy: URL | null} {
	const proxy = proxyFor(url, env);
	if (!proxy) return {agent: undefined, proxy: null};
	const key = `${url.protocol}${proxy.href}`;
	let agent = agents.get(key);
	if (!agent) {
		agent =
			url.protocol === 'https:'
				? new https.Agent({proxyEnv: {HTTPS_PROXY: proxy.href}})
				: new http.Agent({proxyEnv: {HTTP_PROXY: proxy.href}});
		agents.set(key, agent);
	}
	return {agent, proxy};
}

const agents = new Map<string, http.Agent>();
