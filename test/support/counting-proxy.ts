// A real HTTP forward proxy for tests, on loopback: absolute-form requests
// (`GET http://host/path`) are forwarded, CONNECT opens a tunnel (https), and
// every request is recorded so a test can see what went through it. It only
// reaches loopback targets, so a test can never send anything off the machine;
// `hosts` lets it resolve made-up names to loopback, as a real proxy resolves
// names the client cannot (a test can then use a name NO_PROXY does not cover).
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import net from 'node:net';

export interface ProxiedRequest {
	/** GET, POST, …, or CONNECT */
	readonly method: string;
	/** host:port of the target */
	readonly target: string;
	/** the path of a forwarded request; '' for CONNECT (the proxy never sees inside a tunnel) */
	readonly path: string;
	/** the Proxy-Authorization header, if any */
	readonly proxyAuthorization: string | undefined;
}

export interface CountingProxy {
	/** http://127.0.0.1:PORT (https:// with `tls`) */
	readonly url: string;
	readonly requests: ProxiedRequest[];
	/** Requests (or tunnels) to one host:port. */
	to(target: string): ProxiedRequest[];
	close(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The target's host:port from a URL or a CONNECT authority; null when not on loopback. */
function loopbackTarget(
	name: string,
	port: string,
	hosts: Readonly<Record<string, string>>,
): {host: string; port: number} | null {
	const host = hosts[name] ?? name;
	if (!loopback.has(host)) return null;
	const number = Number(port);
	return Number.isInteger(number) && number > 0
		? {host: host.replace(/^\[|\]$/g, ''), port: number}
		: null;
}

export interface ProxyOptions {
	/** made-up names resolved to loopback */
	readonly hosts?: Readonly<Record<string, string>>;
	/** a key and certificate: an https:// proxy (the client speaks TLS to the proxy itself) */
	readonly tls?: {readonly key: Buffer; readonly cert: Buffer};
}

export async function startCountingProxy(options: ProxyOptions = {}): Promise<CountingProxy> {
	const hosts = options.hosts ?? {};
	const requests: ProxiedRequest[] = [];
	const sockets = new Set<net.Socket>();
	const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
		let url: URL;
		try {
			url = new URL(request.url ?? '');
		} catch {
			response.writeHead(400).end('absolute-form request expected');
			return;
		}
		const port = url.port || (url.protocol === 'https:' ? '443' : '80');
		const target = loopbackTarget(url.hostname, port, hosts);
		requests.push({
			method: request.method ?? '',
			target: `${url.hostname}:${port}`,
			path: url.pathname + url.search,
			proxyAuthorization: request.headers['proxy-authorization'],
		});
		if (!target || url.protocol !== 'http:') {
			response.writeHead(403).end('this test proxy reaches only http on loopback');
			return;
		}
		const headers = {...request.headers};
		delete headers['proxy-authorization'];
		delete headers['proxy-connection'];
		const upstream = http.request(
			{
				host: target.host,
				port: target.port,
				method: request.method,
				path: url.pathname + url.search,
				headers,
			},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', () => response.writeHead(502).end('upstream unreachable'));
		request.pipe(upstream);
	};
	const server = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
		const authority = request.url ?? '';
		const at = authority.lastIndexOf(':');
		const host = authority.slice(0, at);
		const port = authority.slice(at + 1);
		requests.push({
			method: 'CONNECT',
			target: authority,
			path: '',
			proxyAuthorization: request.headers['proxy-authorization'],
		});
		const target = loopbackTarget(host, port, hosts);
		if (!target) {
			client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		const upstream = net.connect(target.port, target.host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	server.on(options.tls ? 'secureConnection' : 'connection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		requests,
		to: (target) => requests.filter((request) => request.target === target),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
