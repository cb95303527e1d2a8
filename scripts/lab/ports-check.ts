// Refuses to start over a port something else holds: a clear message before
// anything starts beats a server that dies with a bind error in its log.
import {createServer} from 'node:net';

export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen({port, host, exclusive: true}, () => server.close(() => resolve(true)));
	});
}

export async function assertPortsFree(wanted: Readonly<Record<string, number>>): Promise<void> {
	const busy: string[] = [];
	for (const [name, port] of Object.entries(wanted)) {
		if (!(await portFree(port))) busy.push(`${name} on 127.0.0.1:${port}`);
	}
	if (busy.length > 0) {
		throw new Error(
			`port already in use: ${busy.join(', ')}. Stop what holds it (ss -ltnp 'sport = :PORT') ` +
				'or choose another with IRTOP_LAB_PORT_<NAME>=PORT.',
		);
	}
}
