import {type NoProxy, parseNoProxy} from './no-proxy.ts';

/**
 * The proxy a request to `url` goes through, from the environment as curl
 * reads it: `https_proxy` for https URLs, `http_proxy` for http URLs (the
 * lower-case name first, then the upper-case one, as curl and wget do; an
 * https URL never falls back to HTTP_PROXY), and NO_PROXY (`no_proxy` first)
 * for the hosts that go direct. Null: direct. The value may omit its scheme
 * (`proxy.corp:3128`), as curl allows; credentials in it are kept for the
 * proxy's Proxy-Authorization and must never be quoted (see `proxyLabel`).
 */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): URL | null {
	const setting = proxySetting(url, env);
	return setting && parseProxy(setting.value, setting.variable);
}

/** Which variable names the proxy for `url`, and its raw value; null: direct. */
export function proxySetting(
	url: URL,
	env: NodeJS.ProcessEnv = process.env,
): {variable: string; value: string} | null {
	const scheme = url.protocol === 'https:' ? 'https' : url.protocol === 'http:' ? 'http' : null;
	if (!scheme) return null;
	const value = pick(env, `${scheme}_proxy`);
	if (!value) return null;
	const port = Number(url.port) || (scheme === 'https' ? 443 : 80);
	if (noProxy(pick(env, 'no_proxy') ?? '').bypasses(url.hostname, port)) return null;
	return {variable: `${scheme.toUpperCase()}_PROXY`, value};
}

/** host:port of a proxy, for error lines: never its credentials. */
export function proxyLabel(proxy: URL): string {
	return proxy.host;
}

function pick(env: NodeJS.ProcessEnv, lower: string): string | undefined {
	const value = env[lower] ?? env[lower.toUpperCase()];
	return value?.trim() || undefined;
}

/** An unusable HTTPS_PROXY/HTTP_PROXY; its message names the variable, never its value. */
export class ProxySettingError extends Error {
	override readonly name = 'ProxySettingError';
}

/** A proxy URL, or an error naming the variable (never its value: it may hold a password). */
export function parseProxy(
	value: string,
	variable: string,
	schemes: readonly string[] = ['http:', 'https:'],
): URL {
	let proxy: URL;
	try {
		proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
	} catch {
		throw new ProxySettingError(`${variable} is not a URL`);
	}
	if (!schemes.includes(proxy.protocol)) {
		const supported = schemes.map((scheme) => scheme.replace(/:$/, '')).join(', ');
		throw new ProxySettingError(
			`${variable}: ${proxy.protocol.replace(/:$/, '')} proxies are not supported (${supported})`,
		);
	}
	return proxy;
}

// NO_PROXY is read on every request (tests and a long session may change the
// environment); parsing it again only when it changed.
let cached: {value: string; parsed: NoProxy} | undefined;
function noProxy(value: string): NoProxy {
	if (cached?.value !== value) cached = {value, parsed: parseNoProxy(value)};
	return cached.parsed;
}
