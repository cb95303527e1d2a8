import net from 'node:net';
import type {CheckOutcome} from '../check.ts';

/** A TCP check: passes when the address accepts a connection (`nc -z host port`). */
export function runTcpCheck(address: string, signal: AbortSignal): Promise<CheckOutcome> {
	const started = performance.now();
	const colon = address.lastIndexOf(':');
	const host = address.slice(0, colon).replace(/^\[|\]$/g, '');
	const port = Number(address.slice(colon + 1));
	return new Promise((resolve) => {
		const socket = net.connect({host, port, signal});
		socket.once('connect', () => {
			resolve({
				ok: true,
				latencyMs: performance.now() - started,
				detail: 'connected',
				certDaysLeft: null,
			});
			socket.destroy();
		});
		socket.once('error', (error: NodeJS.ErrnoException) => {
			resolve({
				ok: false,
				latencyMs: null,
				detail: `${address}: ${signal.aborted ? 'timed out' : (error.code ?? error.message)}`,
				certDaysLeft: null,
			});
			socket.destroy();
		});
	});
}
