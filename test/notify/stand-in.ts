import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface Seen {
	readonly method: string;
	readonly url: string;
	readonly headers: IncomingMessage['headers'];
	readonly body: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

/** A vendor stand-in on 127.0.0.1 at a random port; records every request it got. */
export async function standIn(handler: Handler) {
	const seen: Seen[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => {
			body += chunk.toString();
		});
		req.on('end', () => {
			const request = {method: req.method ?? '', url: req.url ?? '', headers: req.headers, body};
			seen.push(request);
			handler(request, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export function answer(res: ServerResponse, status: number, body: string, type = 'text/plain') {
	res.writeHead(status, {'Content-Type': type});
	res.end(body);
}
