// A small JSON client for the lab's own helpers (seed, fake kubelet, metrics
// stand-in): bearer token over HTTPS with the lab CA, plus a list-then-watch
// loop. Smaller and quicker to start than the generated client, and it speaks
// exactly the REST paths kubectl would.

import {readFileSync} from 'node:fs';
import {request} from 'node:https';
import {parse} from 'yaml';

export class KubeError extends Error {
	readonly code: number;
	readonly body: unknown;
	constructor(method: string, path: string, code: number, body: unknown) {
		const message =
			typeof body === 'object' && body !== null && 'message' in body
				? String(body.message)
				: String(body);
		super(`${method} ${path}: ${code} ${message}`);
		this.code = code;
		this.body = body;
	}
}

export type Json = Record<string, unknown>;
export type PatchType = 'merge' | 'strategic' | 'json';

const patchTypes: Record<PatchType, string> = {
	merge: 'application/merge-patch+json',
	strategic: 'application/strategic-merge-patch+json',
	json: 'application/json-patch+json',
};

export interface KubeClient {
	readonly server: string;
	request<T = Json>(method: string, path: string, body?: unknown, contentType?: string): Promise<T>;
	get<T = Json>(path: string): Promise<T>;
	create<T = Json>(path: string, body: unknown): Promise<T>;
	patch<T = Json>(path: string, body: unknown, type?: PatchType): Promise<T>;
	remove(path: string, body?: unknown): Promise<void>;
	/** Streams watch events (one JSON object per line) until the server ends the watch. */
	watch(
		path: string,
		onEvent: (event: {type: string; object: Json}) => void,
		signal?: AbortSignal,
	): Promise<void>;
}

export function kubeClient(server: string, ca: string | Buffer, token: string): KubeClient {
	const base = new URL(server);
	const open = (
		method: string,
		path: string,
		headers: Record<string, string>,
		signal?: AbortSignal,
	) =>
		request({
			host: base.hostname,
			port: base.port,
			method,
			path,
			ca,
			headers: {authorization: `Bearer ${token}`, accept: 'application/json', ...headers},
			signal,
		});

	const call = <T>(
		method: string,
		path: string,
		body?: unknown,
		contentType = 'application/json',
	) =>
		new Promise<T>((resolve, reject) => {
			const payload = body === undefined ? undefined : JSON.stringify(body);
			// An explicit length: Node sends DELETE bodies neither chunked nor with a
			// length, and the stray bytes then corrupt the next request on the connection.
			const req = open(
				method,
				path,
				payload === undefined
					? {}
					: {'content-type': contentType, 'content-length': String(Buffer.byteLength(payload))},
			);
			req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timed out`)));
			req.on('error', reject);
			req.on('response', (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString();
					let parsed: unknown = text;
					try {
						parsed = text ? JSON.parse(text) : {};
					} catch {}
					const status = res.statusCode ?? 0;
					if (status >= 200 && status < 300) resolve(parsed as T);
					else reject(new KubeError(method, path, status, parsed));
				});
			});
			req.end(payload);
		});

	return {
		server,
		request: call,
		get: (path) => call('GET', path),
		create: (path, body) => call('POST', path, body),
		patch: (path, body, type = 'merge') => call('PATCH', path, body, patchTypes[type]),
		remove: async (path, body) => {
			await call('DELETE', path, body);
		},
		watch: (path, onEvent, signal) =>
			new Promise<void>((resolve, reject) => {
				const req = open('GET', path, {}, signal);
				req.on('error', reject);
				req.on('response', (res) => {
					if ((res.statusCode ?? 0) >= 300) {
						res.resume();
						reject(new KubeError('GET', path, res.statusCode ?? 0, 'watch refused'));
						return;
					}
					let buffered = '';
					res.on('data', (chunk: Buffer) => {
						buffered += chunk.toString();
						let newline = buffered.indexOf('\n');
						while (newline >= 0) {
							const line = buffered.slice(0, newline).trim();
							buffered = buffered.slice(newline + 1);
							if (line) onEvent(JSON.parse(line));
							newline = buffered.indexOf('\n');
						}
					});
					res.on('end', () => resolve());
					res.on('error', reject);
				});
				req.end();
			}),
	};
}

interface KubeconfigFile {
	clusters: {name: string; cluster: {server: string; 'certificate-authority-data': string}}[];
	users: {name: string; user: {token: string}}[];
	contexts: {name: string; context: {cluster: string; user: string}}[];
	'current-context': string;
}

/** A client for one context of a kubeconfig written by kubeconfig.ts (token users only). */
export function clientFromKubeconfig(file: string, contextName?: string): KubeClient {
	const config = parse(readFileSync(file, 'utf8')) as KubeconfigFile;
	const wanted = contextName ?? config['current-context'];
	const context = config.contexts.find((c) => c.name === wanted)?.context;
	const cluster = config.clusters.find((c) => c.name === context?.cluster)?.cluster;
	const user = config.users.find((u) => u.name === context?.user)?.user;
	if (!context || !cluster || !user) throw new Error(`${file}: no complete context ${wanted}`);
	return kubeClient(
		cluster.server,
		Buffer.from(cluster['certificate-authority-data'], 'base64'),
		user.token,
	);
}
