// Every HTTP client irtop has, through a real forward proxy on loopback
// (test/support/counting-proxy.ts): the proxy sees each request (forwarded for
// http, a CONNECT tunnel for https), NO_PROXY sends it direct, credentials in
// the proxy URL reach the proxy and never an error line.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {httpFetch} from '../../source/net/fetch.ts';
import {request} from '../../source/notify/http.ts';
import {postSlack} from '../../source/notify/slack.ts';
import {httpCheck} from '../../source/sources/health/http-check.ts';
import {getJson} from '../../source/sources/shared/http.ts';
import {type CountingProxy, startCountingProxy} from '../support/counting-proxy.ts';

const proxyVariables = [
	'HTTP_PROXY',
	'HTTPS_PROXY',
	'NO_PROXY',
	'http_proxy',
	'https_proxy',
	'no_proxy',
];

function serve(server: http.Server): Promise<string> {
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`),
		),
	);
}

const answer = (request: http.IncomingMessage, response: http.ServerResponse) => {
	response.writeHead(request.url === '/missing' ? 404 : 200, {'content-type': 'application/json'});
	response.end(JSON.stringify({path: request.url, method: request.method}));
};

let plain: http.Server;
let tls: https.Server;
/** host:port of each */
let plainHost = '';
let tlsHost = '';
let proxy: CountingProxy;
let pem: {key: Buffer; cert: Buffer};
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
	const dir = mkdtempSync(join(tmpdir(), 'irtop-proxy-cert-'));
	// A self-signed certificate that expires in 10 days: a health check through
	// the tunnel must still read the target's own certificate.
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
			'-days',
			'10',
		].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
		{stdio: 'ignore'},
	);
	pem = {key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem'))};
	plain = http.createServer(answer);
	tls = https.createServer(pem, answer);
	plainHost = await serve(plain);
	tlsHost = await serve(tls);
});

afterAll(async () => {
	for (const server of [plain, tls]) {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
});

beforeEach(async () => {
	for (const name of proxyVariables) {
		saved[name] = process.env[name];
		delete process.env[name];
	}
	// The stand-in's certificate is self-signed; what is tested is the route, not the trust.
	process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
	proxy = await startCountingProxy();
	process.env.HTTP_PROXY = proxy.url;
	process.env.HTTPS_PROXY = proxy.url;
});

afterEach(async () => {
	await proxy.close();
	delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
	for (const name of proxyVariables) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
});

const signal = () => AbortSignal.timeout(5000);

describe('through HTTP_PROXY / HTTPS_PROXY', () => {
	it('getJson (Prometheus, Alertmanager, log search) forwards http through the proxy', async () => {
		const {status, body} = await getJson(`http://${plainHost}/api/v1/query?query=up`, signal());
		expect(status).toBe(200);
		expect(body).toEqual({path: '/api/v1/query?query=up', method: 'GET'});
		expect(proxy.to(plainHost)).toMatchObject([{method: 'GET', path: '/api/v1/query?query=up'}]);
	});

	it('getJson tunnels https with CONNECT', async () => {
		const {body} = await getJson(`https://${tlsHost}/api/v2/alerts`, signal());
		expect(body).toEqual({path: '/api/v2/alerts', method: 'GET'});
		expect(proxy.to(tlsHost)).toMatchObject([{method: 'CONNECT'}]);
	});

	it('the notifiers (Slack, Statuspage, PagerDuty) post through the proxy', async () => {
		const outcome = await postSlack(`https://${tlsHost}/services/T0/B0/secret`, 'hello');
		expect(outcome).toEqual({ok: true, message: 'posted'});
		const answer = await request(`http://${plainHost}/v1/pages/p/incidents`, {
			method: 'POST',
			body: {incident: {name: 'x'}},
			timeoutMs: 5000,
		});
		expect(JSON.parse(answer.body)).toEqual({path: '/v1/pages/p/incidents', method: 'POST'});
		expect(proxy.to(tlsHost)).toMatchObject([{method: 'CONNECT'}]);
		expect(proxy.to(plainHost)).toMatchObject([{method: 'POST', path: '/v1/pages/p/incidents'}]);
	});

	it('health checks go through it, and over TLS still read the target certificate', async () => {
		const plainCheck = await httpCheck(`http://${plainHost}/health`, undefined, signal());
		expect(plainCheck).toMatchObject({ok: true, detail: 'HTTP 200'});
		const tlsCheck = await httpCheck(`https://${tlsHost}/health`, undefined, signal());
		expect(tlsCheck).toMatchObject({ok: true, detail: 'HTTP 200'});
		expect([9, 10]).toContain(tlsCheck.certDaysLeft);
		expect(proxy.to(plainHost)).toMatchObject([{method: 'GET', path: '/health'}]);
		expect(proxy.to(tlsHost)).toMatchObject([{method: 'CONNECT'}]);
	});

	it('sends the credentials of the proxy URL as Proxy-Authorization', async () => {
		const credentials = proxy.url.replace('http://', 'http://oncall:p%40ss@');
		process.env.HTTP_PROXY = credentials;
		process.env.HTTPS_PROXY = credentials;
		await getJson(`http://${plainHost}/a`, signal());
		await getJson(`https://${tlsHost}/b`, signal());
		await httpCheck(`http://${plainHost}/c`, undefined, signal());
		await httpCheck(`https://${tlsHost}/d`, undefined, signal());
		const basic = `Basic ${Buffer.from('oncall:p@ss').toString('base64')}`;
		expect(proxy.requests.map((seen) => seen.proxyAuthorization)).toEqual([
			basic,
			basic,
			basic,
			basic,
		]);
	});
});

describe('an https:// proxy (TLS to the proxy itself)', () => {
	it('carries fetch, node:http(s) and notifier requests alike', async () => {
		const secure = await startCountingProxy({tls: pem});
		try {
			process.env.HTTP_PROXY = secure.url;
			process.env.HTTPS_PROXY = secure.url;
			expect(secure.url).toMatch(/^https:/);
			expect((await getJson(`http://${plainHost}/a`, signal())).status).toBe(200);
			expect((await getJson(`https://${tlsHost}/b`, signal())).status).toBe(200);
			expect(await httpCheck(`http://${plainHost}/c`, undefined, signal())).toMatchObject({
				ok: true,
			});
			const check = await httpCheck(`https://${tlsHost}/d`, undefined, signal());
			expect(check).toMatchObject({ok: true});
			expect([9, 10]).toContain(check.certDaysLeft);
			expect(await postSlack(`https://${tlsHost}/services/T0/B0/secret`, 'x')).toMatchObject({
				ok: true,
			});
			// A set: Slack's post may reuse the tunnel undici keeps open for getJson's (same origin and proxy).
			expect(new Set(secure.requests.map((r) => `${r.method} ${r.target}${r.path}`))).toEqual(
				new Set([`GET ${plainHost}/a`, `CONNECT ${tlsHost}`, `GET ${plainHost}/c`]),
			);
			// getJson's tunnel (undici) and the health check's (node:https) cannot be shared.
			expect(secure.requests.filter((r) => r.method === 'CONNECT').length).toBeGreaterThanOrEqual(
				2,
			);
			expect(proxy.requests).toEqual([]);
		} finally {
			await secure.close();
		}
	});
});

describe("a server's own CA (httpFetch's ca)", () => {
	it('is trusted direct and through the tunnel; without it the certificate is refused', async () => {
		delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
		// No connection an earlier test made without verification may be reused.
		tls.closeAllConnections();
		const ca = pem.cert.toString();
		const refused = await httpFetch(`https://${tlsHost}/x`, {}, {}).catch((e: Error) => e);
		expect(refused).toBeInstanceOf(TypeError);
		expect((await httpFetch(`https://${tlsHost}/direct`, {ca}, {})).status).toBe(200);
		const proxied = await httpFetch(`https://${tlsHost}/tunnel`, {ca}, {HTTPS_PROXY: proxy.url});
		expect(await proxied.json()).toEqual({path: '/tunnel', method: 'GET'});
		expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toEqual([`CONNECT ${tlsHost}`]);
	});
});

describe('NO_PROXY', () => {
	it('sends matching hosts direct: a name, an IP, a CIDR, a host:port, *', async () => {
		for (const noProxy of [
			'127.0.0.1',
			'127.0.0.0/8',
			`127.0.0.1:${plainHost.split(':')[1]}`,
			'*',
		]) {
			process.env.NO_PROXY = noProxy;
			const {status} = await getJson(`http://${plainHost}/direct`, signal());
			expect(status).toBe(200);
		}
		process.env.NO_PROXY = 'localhost';
		expect(
			(await httpCheck(`http://localhost:${plainHost.split(':')[1]}/`, undefined, signal())).ok,
		).toBe(true);
		process.env.no_proxy = '10.0.0.0/8, 127.0.0.0/8';
		await postSlack(`https://${tlsHost}/services/T0/B0/secret`, 'direct');
		expect((await httpCheck(`https://${tlsHost}/`, undefined, signal())).ok).toBe(true);
		expect(proxy.requests).toEqual([]);
		// The same proxy still carries what NO_PROXY does not name.
		delete process.env.no_proxy;
		process.env.NO_PROXY = 'internal.corp';
		await getJson(`http://${plainHost}/proxied`, signal());
		expect(proxy.requests).toHaveLength(1);
	});

	it('leaves the other hosts on the proxy', async () => {
		process.env.NO_PROXY = 'internal.corp,10.0.0.0/8,127.0.0.2,127.0.0.1:1';
		await getJson(`http://${plainHost}/proxied`, signal());
		expect(proxy.to(plainHost)).toHaveLength(1);
	});
});

describe('a proxy that does not answer', () => {
	beforeEach(async () => {
		// A proxy URL whose port nothing listens on: the one just closed.
		await proxy.close();
		const dead = proxy.url.replace('http://', 'http://oncall:s3cret@');
		process.env.HTTP_PROXY = dead;
		process.env.HTTPS_PROXY = dead;
	});

	it('is a panel error that names the proxy, never its password', async () => {
		const port = new URL(proxy.url).port;
		const error = await getJson(`https://${tlsHost}/x`, signal()).catch((e: Error) => e);
		expect(String(error)).toContain(`: via proxy 127.0.0.1:${port}: ECONNREFUSED`);
		const slack = await postSlack(`https://${tlsHost}/services/T0/B0/secret`, 'x');
		expect(slack.message).toBe(`Slack: cannot connect (ECONNREFUSED, via proxy 127.0.0.1:${port})`);
		const check = await httpCheck(`http://${plainHost}/`, undefined, signal());
		expect(check.ok).toBe(false);
		expect(check.detail).toBe(`http://${plainHost}: via proxy 127.0.0.1:${port}: ECONNREFUSED`);
		for (const line of [String(error), slack.message, check.detail]) {
			expect(line).not.toContain('s3cret');
			expect(line).not.toContain('secret');
		}
	});

	it('an unusable proxy setting is an error naming the variable', async () => {
		process.env.HTTPS_PROXY = 'socks5://oncall:s3cret@127.0.0.1:1080';
		const error = await getJson(`https://${tlsHost}/x`, signal()).catch((e: Error) => e);
		expect(String(error)).toContain('HTTPS_PROXY: socks5 proxies are not supported');
		const slack = await postSlack(`https://${tlsHost}/services/T0/B0/secret`, 'x');
		expect(slack.message).toBe(
			'Slack: HTTPS_PROXY: socks5 proxies are not supported (http, https)',
		);
		const check = await httpCheck(`https://${tlsHost}/`, undefined, signal());
		expect(check).toMatchObject({ok: false});
		expect(check.detail).toContain('HTTPS_PROXY: socks5');
	});
});
