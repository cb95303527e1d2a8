// NO_PROXY as curl reads it (lib/noproxy.c and its unit tests), plus the
// host:port, `*,…` and `*.domain` entries Go and undici also read.
import {describe, expect, it} from 'vitest';
import {parseNoProxy} from '../../source/net/no-proxy.ts';

const bypass = (noProxy: string, host: string, port = 443) =>
	parseNoProxy(noProxy).bypasses(host, port);

describe('NO_PROXY', () => {
	it('is empty: nothing goes direct', () => {
		expect(bypass('', 'example.com')).toBe(false);
		expect(bypass(' , ', 'example.com')).toBe(false);
	});

	it('* alone, or among other entries, sends everything direct', () => {
		expect(bypass('*', 'example.com')).toBe(true);
		expect(bypass('*', '10.1.2.3')).toBe(true);
		expect(bypass('internal.corp, *', 'example.com')).toBe(true);
	});

	it('a name matches itself and its subdomains, never a longer name', () => {
		expect(bypass('example.com', 'example.com')).toBe(true);
		expect(bypass('example.com', 'www.example.com')).toBe(true);
		expect(bypass('example.com', 'a.b.example.com')).toBe(true);
		expect(bypass('example.com', 'notexample.com')).toBe(false);
		expect(bypass('example.com', 'example.com.evil.org')).toBe(false);
		expect(bypass('www.example.com', 'example.com')).toBe(false);
	});

	it('a leading dot changes nothing (curl strips it): the apex matches too', () => {
		expect(bypass('.example.com', 'www.example.com')).toBe(true);
		expect(bypass('.example.com', 'example.com')).toBe(true);
		expect(bypass('.example.com', 'notexample.com')).toBe(false);
	});

	it('*.domain matches subdomains only', () => {
		expect(bypass('*.example.com', 'www.example.com')).toBe(true);
		expect(bypass('*.example.com', 'example.com')).toBe(false);
	});

	it('ignores case and trailing dots on either side', () => {
		expect(bypass('Example.COM', 'www.example.com')).toBe(true);
		expect(bypass('example.com.', 'WWW.EXAMPLE.COM.')).toBe(true);
	});

	it('splits on commas and blanks', () => {
		const list = 'a.corp,  b.corp\tc.corp,,d.corp';
		for (const host of ['a.corp', 'b.corp', 'c.corp', 'd.corp'])
			expect(bypass(list, host)).toBe(true);
		expect(bypass(list, 'e.corp')).toBe(false);
	});

	it('matches IPv4 addresses exactly or by CIDR', () => {
		expect(bypass('10.1.2.3', '10.1.2.3')).toBe(true);
		expect(bypass('10.1.2.3', '10.1.2.4')).toBe(false);
		expect(bypass('192.168.0.0/16', '192.168.44.5')).toBe(true);
		expect(bypass('192.168.0.0/16', '192.169.0.1')).toBe(false);
		expect(bypass('10.0.0.0/8', '10.255.255.255')).toBe(true);
		expect(bypass('10.0.0.0/8', '11.0.0.0')).toBe(false);
		expect(bypass('172.16.0.0/12', '172.31.0.1')).toBe(true);
		expect(bypass('172.16.0.0/12', '172.32.0.1')).toBe(false);
		expect(bypass('0.0.0.0/0', '8.8.8.8')).toBe(true);
		expect(bypass('127.0.0.1/32', '127.0.0.1')).toBe(true);
	});

	it('matches IPv6 addresses, written without brackets, exactly or by CIDR, in any spelling', () => {
		expect(bypass('::1', '[::1]')).toBe(true);
		expect(bypass('::1', '::1')).toBe(true);
		expect(bypass('fd00::/8', '[fd12:3456::1]')).toBe(true);
		expect(bypass('fd00::/8', '[fe80::1]')).toBe(false);
		expect(bypass('2001:db8::/32', '2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(true);
		expect(bypass('2001:db8::/33', '2001:db8:8000::1')).toBe(false);
	});

	it('never matches a name against an IP entry or an IP against a name (no DNS)', () => {
		expect(bypass('127.0.0.1', 'localhost')).toBe(false);
		expect(bypass('localhost', '127.0.0.1')).toBe(false);
		expect(bypass('10.0.0.0/8', '10.example.com')).toBe(false);
		expect(bypass('10.0.0.0/8', '::ffff:10.0.0.1')).toBe(false);
	});

	it('a prefix that cannot be used matches nothing', () => {
		expect(bypass('10.0.0.0/33', '10.0.0.1')).toBe(false);
		expect(bypass('10.0.0.0/x', '10.0.0.1')).toBe(false);
		expect(bypass('fd00::/129', 'fd00::1')).toBe(false);
	});

	it('the URL port does not matter to an entry without one', () => {
		expect(bypass('example.com', 'example.com', 80)).toBe(true);
		expect(bypass('example.com', 'example.com', 8443)).toBe(true);
	});

	it('host:port, ip:port and [v6]:port bypass that port only', () => {
		expect(bypass('example.com:8080', 'example.com', 8080)).toBe(true);
		expect(bypass('example.com:8080', 'api.example.com', 8080)).toBe(true);
		expect(bypass('example.com:8080', 'example.com', 443)).toBe(false);
		expect(bypass('10.0.0.1:9090', '10.0.0.1', 9090)).toBe(true);
		expect(bypass('10.0.0.1:9090', '10.0.0.1', 9091)).toBe(false);
		expect(bypass('[::1]:6443', '[::1]', 6443)).toBe(true);
		expect(bypass('[::1]:6443', '[::1]', 443)).toBe(false);
		expect(bypass('*:80', 'example.com', 80)).toBe(true);
		expect(bypass('*:80', 'example.com', 443)).toBe(false);
	});
});
