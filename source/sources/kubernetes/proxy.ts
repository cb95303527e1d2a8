import {isIP} from 'node:net';
import type {KubeConfig} from '@kubernetes/client-node';
import {parseProxy, proxySetting} from '../../net/proxy-env.ts';

// What the client's proxy-url takes; kubectl takes socks5 from HTTPS_PROXY too.
const schemes = ['http:', 'https:', 'socks4:', 'socks4a:', 'socks5:', 'socks5h:'];

/**
 * kubectl's proxy rule (client-go: the cluster's `proxy-url`, else Go's
 * http.ProxyFromEnvironment). @kubernetes/client-node 2.x honours only
 * `proxy-url` (an undici ProxyAgent for http:// and https:// proxies, a SOCKS
 * connector for socks5://, for every list, watch, log and metrics call), so a
 * proxy from the environment becomes the current cluster's `proxy-url` here:
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY read as for every other client of irtop
 * (`net/proxy-env.ts`), except that localhost and loopback addresses never go
 * through the environment's proxy, as in Go. A kubeconfig `proxy-url` wins.
 */
export function applyEnvironmentProxy(kc: KubeConfig, env: NodeJS.ProcessEnv): void {
	const cluster = kc.getCurrentCluster();
	if (!cluster || cluster.proxyUrl) return;
	let server: URL;
	try {
		server = new URL(cluster.server);
	} catch {
		return; // the client reports a bad server URL itself
	}
	if (isLoopback(server.hostname)) return;
	const setting = proxySetting(server, env);
	if (!setting) return;
	const proxy = parseProxy(setting.value, setting.variable, schemes);
	kc.clusters = kc.clusters.map((c) => (c === cluster ? {...c, proxyUrl: proxy.href} : c));
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (isIP(host) === 4) return host.startsWith('127.');
	return host === '::1';
}
