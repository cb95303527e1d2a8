// The lab's kubelets' HTTPS endpoint, for `kubectl logs`: the apiserver
// proxies /containerLogs/{namespace}/{pod}/{container} to the node's
// InternalIP (127.0.0.1 for every lab node) at the node's kubelet port. It
// verifies this certificate against the lab CA, and this server accepts only
// the apiserver's kubelet client certificate. Logs are simulated (logs.ts);
// exec, attach and port-forward are not: no container runs.
import {readFileSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createServer, type Server} from 'node:https';
import {join} from 'node:path';
import type {World} from './fake-kubelet.ts';
import {type LogLine, linesAfter, type Run, runLines} from './logs.ts';
import type {Pod} from './types.ts';

interface Terminated {
	startedAt?: string;
	finishedAt?: string;
	reason?: string;
	message?: string;
}
interface ContainerStatus {
	name: string;
	state?: {running?: {startedAt?: string}; waiting?: {reason?: string}; terminated?: Terminated};
	lastState?: {terminated?: Terminated};
}

const ms = (time: string | undefined) => Date.parse(time ?? '') || Date.now();

function finished(t: Terminated): Run {
	return {
		startedAt: ms(t.startedAt),
		finishedAt: ms(t.finishedAt),
		...(t.reason === 'OOMKilled' ? {oomKilled: true} : {}),
		...(t.reason !== 'OOMKilled' && t.reason !== 'Completed'
			? {exitMessage: t.message ?? `exit: ${t.reason ?? 'Error'}`}
			: {}),
	};
}

/** Which run of the container the request reads, or the kubelet's refusal. */
export function chooseRun(pod: Pod, container: string, previous: boolean): Run | {error: string} {
	const all = [
		...((pod.status as {initContainerStatuses?: ContainerStatus[]} | undefined)
			?.initContainerStatuses ?? []),
		...((pod.status?.containerStatuses ?? []) as ContainerStatus[]),
	];
	const status = all.find((s) => s.name === container);
	const where = `container "${container}" in pod "${pod.metadata.name}"`;
	if (!status) return {error: `${where} is waiting to start: ContainerCreating`};
	if (previous) {
		return status.lastState?.terminated
			? finished(status.lastState.terminated)
			: {
					error: `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
				};
	}
	if (status.state?.running) return {startedAt: ms(status.state.running.startedAt)};
	if (status.state?.terminated) return finished(status.state.terminated);
	// In back-off the kubelet still serves the last run's logs.
	if (status.lastState?.terminated) return finished(status.lastState.terminated);
	const reason = status.state?.waiting?.reason;
	return {
		error: `${where} is waiting to start: ${reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : (reason ?? 'ContainerCreating')}`,
	};
}

export function startKubeletServer(
	world: World,
	port: number,
	pkiDir: string,
	log: (line: string) => void,
): Server {
	function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'https://localhost');
		const fail = (code: number, message: string) => {
			res.writeHead(code, {'content-type': 'text/plain'});
			res.end(message);
		};
		if (url.pathname === '/healthz') return fail(200, 'ok');
		const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
		if (!match)
			return fail(404, `the lab's kubelets run no containers: ${url.pathname} is not served`);
		const [, namespace, name, container] = match as unknown as [string, string, string, string];
		const pod = world.pods.items.get(`${namespace}/${name}`);
		if (!pod) return fail(404, `pod "${name}" not found`);
		const q = url.searchParams;
		const flag = (key: string) => q.get(key) === 'true' || q.get(key) === '1';
		const run = chooseRun(pod, container, flag('previous'));
		if ('error' in run) return fail(400, run.error);
		const app = pod.metadata.labels?.app ?? name;
		const timestamps = flag('timestamps');
		let budget = q.has('limitBytes') ? Number(q.get('limitBytes')) : Number.POSITIVE_INFINITY;
		const since = q.has('sinceSeconds')
			? Date.now() - Number(q.get('sinceSeconds')) * 1000
			: q.has('sinceTime')
				? Date.parse(q.get('sinceTime') ?? '')
				: undefined;
		const write = (lines: LogLine[]) => {
			for (const l of lines) {
				const text = `${timestamps ? `${new Date(l.at).toISOString().replace('Z', '000000Z')} ` : ''}${l.text}\n`;
				if (Buffer.byteLength(text) > budget) {
					res.end(text.slice(0, Math.max(0, budget)));
					budget = -1;
					return;
				}
				budget -= Buffer.byteLength(text);
				res.write(text);
			}
		};
		res.writeHead(200, {'content-type': 'text/plain'});
		const now = Date.now();
		write(
			runLines(app, container, run, now, {
				...(q.has('tailLines') ? {tail: Number(q.get('tailLines'))} : {}),
				...(since !== undefined ? {since} : {}),
			}),
		);
		if (budget < 0) return;
		if (!flag('follow') || run.finishedAt !== undefined) {
			res.end();
			return;
		}
		// Follow: new lines as they happen, until the run ends or the reader leaves.
		let last = now;
		const timer = setInterval(() => {
			const current = world.pods.items.get(`${namespace}/${name}`);
			const latest = current ? chooseRun(current, container, false) : {error: 'gone'};
			const ended =
				'error' in latest || latest.startedAt !== run.startedAt || latest.finishedAt !== undefined;
			const at = Date.now();
			write(linesAfter(app, container, 'error' in latest ? run : latest, last, at));
			last = at;
			if (ended || budget < 0) {
				clearInterval(timer);
				if (budget >= 0) res.end();
			}
		}, 1000);
		res.on('close', () => clearInterval(timer));
	}

	const server = createServer(
		{
			cert: readFileSync(join(pkiDir, 'kubelet.crt')),
			key: readFileSync(join(pkiDir, 'kubelet.key')),
			ca: readFileSync(join(pkiDir, 'ca.crt')),
			requestCert: true,
			rejectUnauthorized: true,
		},
		handle,
	);
	server.listen(port, '127.0.0.1', () =>
		log(`kubelet log endpoint listening on https://127.0.0.1:${port}`),
	);
	return server;
}
