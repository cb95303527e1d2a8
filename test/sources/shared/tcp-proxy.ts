import net from 'node:net';

/**
 * A TCP forwarder in front of a real lab server, so a test can "stop the
 * server" for irtop (refuse and reset every connection) and start it again
 * on the same port, without stopping the server other tests share.
 */
export class TcpProxy {
	readonly #target: {host: string; port: number};
	readonly #sockets = new Set<net.Socket>();
	#server: net.Server | undefined;
	port = 0;
	/** Milliseconds each answer from the server is held back: a slow server, for timeout tests. */
	delayMs = 0;
	/** Connections open right now (a pile-up of calls shows here). */
	get open(): number {
		return this.#sockets.size / 2;
	}

	constructor(target: {host: string; port: number}) {
		this.#target = target;
	}

	async start(): Promise<void> {
		const server = net.createServer((client) => {
			const upstream = net.connect(this.#target);
			for (const s of [client, upstream]) {
				this.#sockets.add(s);
				s.on('close', () => this.#sockets.delete(s));
				s.on('error', () => {});
			}
			client.pipe(upstream);
			upstream.on('data', (chunk: Buffer) => {
				if (this.delayMs === 0) client.write(chunk);
				else setTimeout(() => client.writable && client.write(chunk), this.delayMs);
			});
			upstream.on('end', () => setTimeout(() => client.end(), this.delayMs));
		});
		await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
		this.port = (server.address() as net.AddressInfo).port;
		this.#server = server;
	}

	async stop(): Promise<void> {
		const server = this.#server;
		this.#server = undefined;
		for (const s of this.#sockets) s.destroy();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	}
}
