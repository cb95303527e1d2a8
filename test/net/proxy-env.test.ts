import {describe, expect, it} from 'vitest';
import {ProxySettingError, proxyFor} from '../../source/net/proxy-env.ts';

const proxy = (url: string, env: NodeJS.ProcessEnv) => proxyFor(new URL(url), env)?.href ?? null;

describe('proxyFor', () => {
	it('uses HTTPS_PROXY for https and HTTP_PROXY for http, upper or lower case', () => {
		const env = {HTTPS_PROXY: 'http://tls-proxy:3128', http_proxy: 'http://plain-proxy:3128'};
		expect(proxy('https://prometheus.corp/api', env)).toBe('http://tls-proxy:3128/');
		expect(proxy('http://prometheus.corp/api', env)).toBe('http://plain-proxy:3128/');
		expect(proxy('https://x.corp', {https_proxy: 'http://lower:1'})).toBe('http://lower:1/');
		expect(proxy('http://x.corp', {HTTP_PROXY: 'http://upper:1'})).toBe('http://upper:1/');
	});

	it('prefers the lower-case variable, as curl does', () => {
		const env = {https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1'};
		expect(proxy('https://x.corp', env)).toBe('http://lower:1/');
	});

	it('never sends https through HTTP_PROXY (curl: each scheme its own variable)', () => {
		expect(proxy('https://x.corp', {HTTP_PROXY: 'http://plain:1'})).toBeNull();
	});

	it('is direct without a proxy variable, or an empty one', () => {
		expect(proxy('https://x.corp', {})).toBeNull();
		expect(proxy('https://x.corp', {HTTPS_PROXY: '  '})).toBeNull();
	});

	it('goes direct for NO_PROXY hosts, no_proxy first, with the URL default port', () => {
		const env = {HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', NO_PROXY: '.corp,10.0.0.0/8'};
		expect(proxy('https://prometheus.corp', env)).toBeNull();
		expect(proxy('http://10.2.3.4:9090', env)).toBeNull();
		expect(proxy('https://hooks.slack.com', env)).toBe('http://p:1/');
		expect(proxy('https://x.corp', {...env, no_proxy: 'other'})).toBe('http://p:1/');
		expect(proxy('https://x.corp', {HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x.corp:443'})).toBeNull();
		expect(proxy('http://x.corp', {HTTP_PROXY: 'http://p:1', NO_PROXY: 'x.corp:80'})).toBeNull();
	});

	it('accepts a proxy without a scheme (http://), and https proxies', () => {
		expect(proxy('https://x.corp', {HTTPS_PROXY: 'proxy.corp:3128'})).toBe(
			'http://proxy.corp:3128/',
		);
		expect(proxy('https://x.corp', {HTTPS_PROXY: 'https://proxy.corp'})).toBe(
			'https://proxy.corp/',
		);
	});

	it('refuses a proxy it cannot use, naming the variable but never its value', () => {
		const attempt = (value: string) => () =>
			proxyFor(new URL('https://x.corp'), {HTTPS_PROXY: value});
		expect(attempt('socks5://user:s3cret@p:1080')).toThrow(ProxySettingError);
		expect(attempt('socks5://user:s3cret@p:1080')).toThrow(
			/HTTPS_PROXY: socks5 proxies are not supported/,
		);
		expect(attempt('http://user:s3cret@[bad')).toThrow('HTTPS_PROXY is not a URL');
		try {
			attempt('socks5://user:s3cret@p:1080')();
		} catch (error) {
			expect(String(error)).not.toContain('s3cret');
		}
	});
});
