// A redis-server of the test's own on a free port, for tests that kill it, restart it or
// FLUSHALL it: the lab's Redis is shared by other test files. The binary is the one the
// lab provisions (scripts/lab/servers/redis.ts). No persistence: a restart comes back
// empty, as a cache Redis restarted by its orchestrator does.
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {Redis} from 'ioredis';
import {describe, it} from 'vitest';
import {labHint} from './lab.ts';

export const redisServerBinary = '/usr/bin/redis-server';

export interface PrivateRedis {
	readonly port: number;
	readonly url: string;
	/** A client for the test itself (XADD garbage, FLUSHALL, XRANGE). */
	client(): Redis;
	kill(): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

const canListen = (port: number) =>
	new Promise<boolean>((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});

/**
 * A port outside the kernel's ephemeral range (32768–60999) and the lab's: a server a
 * test kills and starts again must find its port still free, and while it is down no
 * other file's freePort() or outgoing connection is given a port from here.
 */
export async function restartablePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 21_000 + Math.floor(Math.random() * 8000);
		if (await canListen(port)) return port;
	}
	throw new Error('no free port between 21000 and 28999');
}

export async function privateRedis(): Promise<PrivateRedis> {
	const port = await restartablePort();
	let child: ChildProcess | null = null;
	const clients: Redis[] = [];
	const start = async () => {
		child = spawn(
			redisServerBinary,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{stdio: 'ignore'},
		);
		const probe = new Redis(port, '127.0.0.1', {lazyConnect: true, retryStrategy: () => null});
		probe.on('error', () => {});
		try {
			for (let i = 0; i < 100; i++) {
				try {
					await probe.connect();
					if ((await probe.ping()) === 'PONG') return;
				} catch {
					await new Promise((r) => setTimeout(r, 50));
				}
			}
			throw new Error(`redis-server on ${port} did not start`);
		} finally {
			probe.disconnect();
		}
	};
	const kill = async () => {
		const running = child;
		child = null;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((r) => running.once('exit', r));
		running.kill('SIGKILL');
		await exited;
	};
	await start();
	return {
		port,
		url: `redis://127.0.0.1:${port}`,
		client() {
			const c = new Redis(port, '127.0.0.1', {maxRetriesPerRequest: 1});
			c.on('error', () => {});
			clients.push(c);
			return c;
		},
		kill,
		start,
		async stop() {
			for (const c of clients) c.disconnect();
			await kill();
		},
	};
}

/**
 * describe() for tests that run their own redis-server: skipped locally when the binary
 * is missing (with how to get it), a failure under CI=true, like describeLab.
 */
export function describeWithRedisServer(name: string, fn: () => void): void {
	if (existsSync(redisServerBinary)) {
		describe(name, fn);
		return;
	}
	const reason = `${redisServerBinary} is missing`;
	if (process.env.CI === 'true') {
		describe(name, () => {
			it('needs redis-server', () => {
				throw new Error(`${reason} (CI=true: a missing server is a failure). Run: ${labHint}`);
			});
		});
		return;
	}
	process.stderr.write(`skipping "${name}": ${reason}. Run: ${labHint}\n`);
	// Local runs only (CI=true failed above): the skip names the missing binary.
	describe.skip(`${name} (${reason})`, () => {
		it('needs redis-server', () => {});
	});
}
