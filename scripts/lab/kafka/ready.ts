// Kafka is ready when its log says the server started and its port accepts a
// connection. Readiness deliberately uses no Kafka client library: the lab
// exists to prove those clients, so it must not depend on one to start.
import {readFileSync} from 'node:fs';
import {connect} from 'node:net';

export function portAccepts(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({port, host: '127.0.0.1'});
		socket.setTimeout(1000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

export function logSaysStarted(logFile: string, fromByte: number): boolean {
	try {
		return readFileSync(logFile, 'utf8').slice(fromByte).includes('Kafka Server started');
	} catch {
		return false;
	}
}
