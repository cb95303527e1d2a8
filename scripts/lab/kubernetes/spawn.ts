// Helpers for the Kubernetes processes: liveness, free ports, log tails. They are
// started by the lab's one spawner (../process.ts), which also creates the log folder.
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The last lines of a log, for error messages that explain a failed start. */
export function logTail(file: string, lines = 20): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Rejects with a clear message when something already listens on the port. */
export function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				new Error(
					error.code === 'EADDRINUSE'
						? `${what}: port 127.0.0.1:${port} is already in use (set IRTOP_LAB_PORT_… to move it)`
						: `${what}: cannot listen on 127.0.0.1:${port}: ${error.message}`,
				),
			);
		});
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}
