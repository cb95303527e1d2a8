// The Kubernetes panels at scale, against the running lab: prints numbers, asserts nothing.
// Target: with 5,000 pods and 10,000 events, the first complete frame <= 1 s after the initial
// list; then 20 pod changes a second for a minute: CPU <= 15 % of a core, RSS <= 250 MB, no list
// call after the initial sync, key press to frame <= 50 ms p99; and the bytes written to the
// terminal per minute meanwhile. The changes go on for a second minute with 5 key presses a
// second: the key latency is measured there, and the CPU of both minutes is printed, so what
// answering keys costs is not mixed into the steady state's figure.
//
// Run: npm run bench:kubernetes [-- --pods=5000 --events=10000 --seconds=60 --runs=1]
//      quick: npm run bench:kubernetes -- --pods=200 --events=400 --seconds=10
// Also --rate=20 (pod changes a second), --keys=5 (key presses a second), --raw=FILE (what the
// terminal received, for debugging), --memory-detail (V8 heap spaces and external memory, read
// through the inspector; also garbage collections by kind), --heap-snapshot=FILE,
// --cpu-profile=FILE and --alloc-profile=FILE (of the steady state, for Chrome DevTools; %run in
// FILE becomes the run's number), --clean (only remove what an interrupted run left behind).
// IRTOP_BENCH_NODE_FLAGS tries V8 flags, e.g. "--max-semi-space-size=2".
// The bin runs from a bundle of the working tree built into a temporary directory.
//
// Setup (once for all runs): namespaces irtop-bench-<stamp>-N (500 pods each) and nodes
// bench-<stamp>-N (100 pods each, tainted so that the lab's scheduler puts nobody else's pod
// there). The pods name a scheduler that does not exist, so the lab's simulator leaves them to
// us: we bind them (nodeName), write their status through pods/status as a kubelet would, and
// record their events. Everything carries the label irtop.dev/bench=kubernetes and is deleted at
// the end, also after an error or Ctrl-C.
//
// Each run: the real bin in a pseudo-terminal (120x40) with a config holding only Kubernetes, -A,
// pointed at a counting proxy (plain HTTP on loopback, forwarding over TLS to the apiserver, every
// request logged as LIST, WATCH or other, responses streamed). Keys 3 and 5 switch the focus
// between the pods and events panels: the frame that answers is the one that draws that panel's
// title inverted, which no data change can draw.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {Agent, request} from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {parse, stringify} from 'yaml';
import {environmentVariables} from '../source/config/env.ts';
import {lab} from '../test/support/lab.ts';
import {
	cpuTicks,
	fmt,
	nodePid,
	type PtyRun,
	privateBin,
	quantile,
	rssMiB,
	type Stats,
	shebang,
	startInPty,
	stats,
} from './bench-terminal.ts';
import {freePort} from './lab/free-port.ts';

import {apply, objectPath} from './lab/kubernetes/apply.ts';
import {clientFromKubeconfig} from './lab/kubernetes/client.ts';
import {annotations} from './lab/kubernetes/sim-config.ts';
import {nodeObject, nodeStatus, registry} from './lab/kubernetes/world.ts';

function option(name: string, fallback: number): number {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: not a number: ${arg}`);
	return value;
}
const podCount = option('pods', 5000);
const eventCount = option('events', 10_000);
const seconds = option('seconds', 60);
const runs = Math.max(1, option('runs', 1));
const rate = option('rate', 20);
const keyRate = option('keys', 5);
const rawFile = process.argv.find((a) => a.startsWith('--raw='))?.slice(6);
const nodeFlags = process.env.IRTOP_BENCH_NODE_FLAGS ?? '';
// Where the memory goes (V8 heap spaces, external, array buffers), asked through the inspector.
const memoryDetail = process.argv.includes('--memory-detail');
// --heap-snapshot=FILE: a V8 heap snapshot at the end of the steady state (implies --memory-detail).
const heapSnapshotFile = process.argv.find((a) => a.startsWith('--heap-snapshot='))?.slice(16);
// --cpu-profile=FILE, --alloc-profile=FILE: where the steady state spends CPU and allocates.
const cpuProfileFile = process.argv.find((a) => a.startsWith('--cpu-profile='))?.slice(14);
const allocProfileFile = process.argv.find((a) => a.startsWith('--alloc-profile='))?.slice(16);

const benchLabel = 'irtop.dev/bench';
const benchValue = 'kubernetes';
const scheduler = 'irtop-bench';
const stamp = Date.now().toString(36);
const podsPerNamespace = 500;
const podsPerNode = 100;
const concurrency = 24;
/** Resources irtop keeps informers for: after their first lists, any LIST of them is a re-list. */
const informed = ['pods', 'nodes', 'events', 'deployments.apps', 'replicasets.apps'];

const k8s = lab().details('kubernetes') as {kubeconfig: string; apiserverUrl: string};
const kubeletPort = lab().state.servers.kubernetes?.ports.kubelet ?? 16450;
const admin = clientFromKubeconfig(k8s.kubeconfig, 'lab-admin');
const adminKubeconfig = readKubeconfig(k8s.kubeconfig);
const tmp = mkdtempSync(join(tmpdir(), 'irtop-bench-kubernetes-'));

const ms = (n: number) => `${Math.round(n)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const rfc3339 = (at: number) => new Date(at).toISOString().replace(/\.\d+Z$/, 'Z');

// ---------------------------------------------------------------- lab objects

interface BenchPod {
	name: string;
	namespace: string;
	node: string;
	nodeIndex: number;
	index: number;
	uid: string;
	createdAt: number;
	restarts: number;
}

interface World {
	namespaces: string[];
	nodes: string[];
	pods: BenchPod[];
}

let stopping = false;
/** Our own build of the bin (privateBin). */
let irtop = '';
/** The irtop of the run in progress, for Ctrl-C. */
let running: {pty: PtyRun; pid: number} | undefined;

/**
 * Runs fn over items, `limit` at a time; retries what a busy apiserver refuses for now. Setup
 * stops early on Ctrl-C (`stoppable`); cleanup does not.
 */
async function inPool<T>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<void>,
	stoppable = true,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length && !(stoppable && stopping)) {
			const index = next++;
			for (let attempt = 1; ; attempt++) {
				try {
					await fn(items[index] as T, index);
					break;
				} catch (error) {
					const code = (error as {code?: unknown}).code;
					const transient = code === 429 || code === 500 || code === 503 || code === 504;
					if (attempt >= 5 || !(transient || typeof code === 'string')) throw error;
					await sleep(200 * attempt);
				}
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}

const podPath = (pod: BenchPod) => `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`;

/** What a kubelet reports for a running pod whose one container is (not) ready. */
function podStatus(pod: BenchPod, ready: boolean): Record<string, unknown> {
	const {createdAt} = pod;
	const started = rfc3339(createdAt + 2000);
	const now = rfc3339(Date.now());
	const hostIP = `10.1.${pod.nodeIndex >> 8}.${pod.nodeIndex & 255}`;
	const podIP = `10.128.${pod.index >> 8}.${pod.index & 255}`;
	const condition = (type: string, status: boolean, since = started) => ({
		type,
		status: status ? 'True' : 'False',
		lastProbeTime: null,
		lastTransitionTime: since,
		...(status
			? {}
			: {reason: 'ContainersNotReady', message: 'containers with unready status: [app]'}),
	});
	const image = `${registry}/bench/${pod.name.replace(/-\d+$/, '')}:1.0.0`;
	return {
		phase: 'Running',
		hostIP,
		hostIPs: [{ip: hostIP}],
		podIP,
		podIPs: [{ip: podIP}],
		startTime: rfc3339(createdAt + 1000),
		conditions: [
			condition('PodReadyToStartContainers', true),
			condition('Initialized', true),
			condition('Ready', ready, ready ? started : now),
			condition('ContainersReady', ready, ready ? started : now),
			condition('PodScheduled', true, rfc3339(createdAt)),
		],
		containerStatuses: [
			{
				name: 'app',
				image,
				imageID: `${image}@sha256:${'0'.repeat(64)}`,
				containerID: `containerd://${pod.uid.replaceAll('-', '')}${pod.restarts}`,
				ready,
				started: true,
				restartCount: pod.restarts,
				state: {running: {startedAt: ready ? started : now}},
				lastState:
					pod.restarts > 0
						? {terminated: {exitCode: 137, reason: 'Error', startedAt: started, finishedAt: now}}
						: {},
			},
		],
	};
}

async function setUp(): Promise<World> {
	const namespaces = Array.from(
		{length: Math.max(1, Math.ceil(podCount / podsPerNamespace))},
		(_, i) => `irtop-bench-${stamp}-${i}`,
	);
	const nodes = Array.from(
		{length: Math.max(1, Math.ceil(podCount / podsPerNode))},
		(_, i) => `bench-${stamp}-${i}`,
	);
	const world: World = {namespaces, nodes, pods: []};
	created.push(world);
	const phase = async (what: string, fn: () => Promise<void>) => {
		const started = performance.now();
		await fn();
		console.log(`  ${what}: ${ms(performance.now() - started)}`);
	};
	const total = performance.now();
	console.log(
		`setup: ${podCount} pods in ${namespaces.length} namespaces on ${nodes.length} nodes, ${eventCount} events`,
	);
	await phase(`${namespaces.length} namespaces, ${nodes.length} nodes`, async () => {
		await inPool(namespaces, concurrency, async (name) => {
			await admin.create('/api/v1/namespaces', {
				apiVersion: 'v1',
				kind: 'Namespace',
				metadata: {name, labels: {[benchLabel]: benchValue}},
			});
		});
		const bootedAt = rfc3339(Date.now() - 3600_000);
		await inPool(nodes, concurrency, async (name, i) => {
			const spec = {name, index: 1 + (i % 26), cpu: 64, memoryGi: 256};
			const node = nodeObject(spec);
			const labels = node.metadata.labels as Record<string, string>;
			labels['topology.kubernetes.io/zone'] = 'bench-zone';
			labels[benchLabel] = benchValue;
			await apply(admin, node);
			// The NodeTaint admission plugin adds not-ready; a merge patch sets the list outright.
			await admin.patch(objectPath('v1', 'Node', name), {
				spec: {taints: [{key: benchLabel, value: benchValue, effect: 'NoSchedule'}]},
			});
			const status = nodeStatus(spec, rfc3339(Date.now()), bootedAt, kubeletPort);
			const s = status.status as {capacity: {pods: string}; allocatable: {pods: string}};
			s.capacity.pods = s.allocatable.pods = String(podsPerNode + 10);
			await apply(admin, status, 'status');
		});
	});
	await phase(`${podCount} pods created`, async () => {
		const specs = Array.from({length: podCount}, (_, index) => {
			const app = `svc-${String(index % 50).padStart(2, '0')}`;
			const nodeIndex = index % nodes.length;
			return {
				name: `${app}-${index}`,
				namespace: namespaces[Math.floor(index / podsPerNamespace)] as string,
				node: nodes[nodeIndex] as string,
				nodeIndex,
				index,
				uid: '',
				createdAt: 0,
				restarts: 0,
			};
		});
		await inPool(specs, concurrency, async (pod) => {
			const app = pod.name.replace(/-\d+$/, '');
			const made = await admin.create<{metadata: {uid: string; creationTimestamp: string}}>(
				`/api/v1/namespaces/${pod.namespace}/pods`,
				{
					apiVersion: 'v1',
					kind: 'Pod',
					metadata: {
						name: pod.name,
						namespace: pod.namespace,
						labels: {app, [benchLabel]: benchValue},
						// In case the simulator ever takes them on: no kubelet events.
						annotations: {[annotations.events]: 'off'},
					},
					spec: {
						nodeName: pod.node,
						schedulerName: scheduler,
						tolerations: [{key: benchLabel, operator: 'Exists', effect: 'NoSchedule'}],
						containers: [
							{
								name: 'app',
								image: `${registry}/bench/${app}:1.0.0`,
								resources: {
									requests: {cpu: '10m', memory: '32Mi'},
									limits: {cpu: '200m', memory: '256Mi'},
								},
							},
						],
					},
				},
			);
			pod.uid = made.metadata.uid;
			pod.createdAt = Date.parse(made.metadata.creationTimestamp);
			world.pods.push(pod);
		});
	});
	world.pods.sort((a, b) => a.index - b.index);
	await phase(`${podCount} pod statuses (Running, ready)`, async () => {
		await inPool(world.pods, concurrency, async (pod) => {
			await admin.patch(`${podPath(pod)}/status`, {
				status: podStatus(pod, true),
			});
		});
	});
	await phase(`${eventCount} events`, async () => {
		const kinds = [
			['Normal', 'Scheduled', 'default-scheduler'],
			['Normal', 'Pulled', 'kubelet'],
			['Normal', 'Created', 'kubelet'],
			['Normal', 'Started', 'kubelet'],
			['Warning', 'Unhealthy', 'kubelet'],
		] as const;
		const now = Date.now();
		await inPool(
			Array.from({length: eventCount}, (_, i) => i),
			concurrency,
			async (i) => {
				const pod = world.pods[i % world.pods.length] as BenchPod;
				const [type, reason, component] = kinds[i % kinds.length] as (typeof kinds)[number];
				const message =
					reason === 'Scheduled'
						? `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.node}`
						: reason === 'Unhealthy'
							? 'Readiness probe failed: HTTP probe failed with statuscode: 503'
							: `${reason} container app`;
				// Spread over the last 50 minutes, so the newest-first order means something.
				const at = rfc3339(now - ((i * 7919) % 3000) * 1000);
				await admin.create(`/api/v1/namespaces/${pod.namespace}/events`, {
					apiVersion: 'v1',
					kind: 'Event',
					metadata: {name: `${pod.name}.${i.toString(16).padStart(8, '0')}`},
					involvedObject: {
						apiVersion: 'v1',
						kind: 'Pod',
						name: pod.name,
						namespace: pod.namespace,
						uid: pod.uid,
						...(component === 'kubelet' ? {fieldPath: 'spec.containers{app}'} : {}),
					},
					type,
					reason,
					message,
					source: {component, ...(component === 'kubelet' ? {host: pod.node} : {})},
					reportingComponent: component,
					reportingInstance: component === 'kubelet' ? pod.node : '',
					firstTimestamp: at,
					lastTimestamp: at,
					count: 1 + (i % 3),
				});
			},
		);
	});
	if (stopping) throw new Error('interrupted');
	console.log(`  setup total: ${ms(performance.now() - total)}`);
	return world;
}

const created: World[] = [];

async function ignoreMissing(call: Promise<unknown>): Promise<void> {
	try {
		await call;
	} catch (error) {
		if ((error as {code?: unknown}).code !== 404) throw error;
	}
}

/**
 * A DELETE tried three times: a busy apiserver can time one out (a delete of 1,000 events). What
 * still fails is said, not thrown, so the rest is deleted and the wait below names what is left.
 */
async function removeOrSay(path: string, body?: object): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await ignoreMissing(admin.remove(path, body));
			return;
		} catch (error) {
			if (attempt === 3) {
				console.log(`cleanup: DELETE ${path}: ${(error as Error).message}`);
				return;
			}
			await sleep(2000);
		}
	}
}

/** Deletes the bench's namespaces (pods at once, events, then the namespace) and nodes; waits until gone. */
async function tearDown(namespaces: readonly string[], nodes: readonly string[]): Promise<void> {
	if (namespaces.length === 0 && nodes.length === 0) return;
	const started = performance.now();
	const now = {apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0};
	// Bound pods wait for their kubelet to confirm a graceful delete; nobody runs these, so no grace.
	await inPool(
		namespaces,
		concurrency,
		async (ns) => {
			await removeOrSay(`/api/v1/namespaces/${ns}/pods`, now);
			await removeOrSay(`/api/v1/namespaces/${ns}/events`);
			await removeOrSay(`/api/v1/namespaces/${ns}`);
		},
		false,
	);
	await inPool(nodes, concurrency, (name) => removeOrSay(`/api/v1/nodes/${name}`), false);
	const paths = [
		...namespaces.map((ns) => `/api/v1/namespaces/${ns}`),
		...nodes.map((name) => `/api/v1/nodes/${name}`),
	];
	for (let left = paths; left.length > 0; ) {
		if (performance.now() - started > 300_000) {
			console.log(
				`cleanup: still there after 300 s: ${left.join(', ')} (npm run bench:kubernetes -- --clean)`,
			);
			return;
		}
		const still: string[] = [];
		await inPool(
			left,
			concurrency,
			async (path) => {
				try {
					await admin.get(path);
					still.push(path);
				} catch (error) {
					if ((error as {code?: unknown}).code !== 404) still.push(path);
				}
			},
			false,
		);
		left = still;
		if (left.length > 0) await sleep(1000);
	}
	console.log(
		`cleanup: ${namespaces.length} namespaces, ${nodes.length} nodes deleted and gone in ${ms(performance.now() - started)}`,
	);
}

/** Whatever an interrupted run left: everything labelled irtop.dev/bench=kubernetes. */
async function leftovers(): Promise<{namespaces: string[]; nodes: string[]}> {
	const selector = `?labelSelector=${encodeURIComponent(`${benchLabel}=${benchValue}`)}`;
	const names = async (path: string) =>
		(await admin.get<{items: {metadata: {name: string}}[]}>(`${path}${selector}`)).items.map(
			(i) => i.metadata.name,
		);
	return {namespaces: await names('/api/v1/namespaces'), nodes: await names('/api/v1/nodes')};
}

// ---------------------------------------------------------------- counting proxy

interface Call {
	at: number;
	end: number | undefined;
	method: string;
	/** LIST, WATCH, GET (one object), DISCOVERY, or the HTTP method. */
	verb: string;
	resource: string;
	status: number | undefined;
	bytes: number;
}

function classify(method: string, url: string): {verb: string; resource: string} {
	const {pathname, searchParams} = new URL(url, 'http://proxy');
	const parts = pathname.split('/').filter(Boolean);
	let rest: string[];
	let group = '';
	if (parts[0] === 'api') rest = parts.slice(2);
	else if (parts[0] === 'apis') {
		group = parts[1] ?? '';
		rest = parts.slice(3);
	} else return {verb: method === 'GET' ? 'DISCOVERY' : method, resource: pathname};
	if (rest.length === 0) return {verb: 'DISCOVERY', resource: pathname};
	if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
	const resource = `${rest[0]}${group ? `.${group}` : ''}${rest[2] ? `/${rest[2]}` : ''}`;
	if (method !== 'GET') return {verb: method, resource};
	const watch = searchParams.get('watch');
	if (watch === 'true' || watch === '1') return {verb: 'WATCH', resource};
	return {verb: rest.length === 1 ? 'LIST' : 'GET', resource};
}

interface KubeconfigFile {
	clusters: {name: string; cluster: {server: string; 'certificate-authority-data': string}}[];
	users: {name: string; user: {token: string}}[];
	contexts: {name: string; context: {cluster: string; user: string}}[];
}

function readKubeconfig(file: string): {server: URL; ca: Buffer; token: string} {
	const parsed = parse(readFileSync(file, 'utf8')) as KubeconfigFile;
	const context = parsed.contexts.find((c) => c.name === 'lab-admin')?.context;
	const cluster = parsed.clusters.find((c) => c.name === context?.cluster)?.cluster;
	const user = parsed.users.find((u) => u.name === context?.user)?.user;
	if (!cluster || !user) throw new Error(`${file}: no lab-admin context`);
	return {
		server: new URL(cluster.server),
		ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
		token: user.token,
	};
}

interface Proxy {
	port: number;
	calls: Call[];
	close(): Promise<void>;
}

/** Plain HTTP on loopback → the apiserver over TLS as lab-admin; every request logged, responses streamed. */
function startProxy(): Promise<Proxy> {
	const {server: upstream, ca, token} = adminKubeconfig;
	const agent = new Agent({keepAlive: true, ca});
	const calls: Call[] = [];
	const hopByHop = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const method = req.method ?? 'GET';
		const call: Call = {
			at: performance.now(),
			end: undefined,
			method,
			...classify(method, req.url ?? '/'),
			status: undefined,
			bytes: 0,
		};
		calls.push(call);
		const headers: Record<string, string | string[] | undefined> = {
			...req.headers,
			host: upstream.host,
			authorization: `Bearer ${token}`,
		};
		for (const name of hopByHop) delete headers[name];
		const up = request({
			host: upstream.hostname,
			port: upstream.port,
			method,
			path: req.url,
			headers,
			agent,
		});
		up.on('response', (answer) => {
			call.status = answer.statusCode;
			const back = {...answer.headers};
			for (const name of hopByHop) delete back[name];
			res.writeHead(answer.statusCode ?? 502, back);
			// Now, not with the first bytes: a watch answers its headers before any event.
			res.flushHeaders();
			answer.on('data', (chunk: Buffer) => {
				call.bytes += chunk.length;
			});
			answer.on('end', () => {
				call.end = performance.now();
			});
			answer.pipe(res);
		});
		up.on('error', (error) => {
			if (!res.headersSent) res.writeHead(502, {'content-type': 'text/plain'});
			res.end(`bench proxy: ${error.message}`);
		});
		// irtop closed the request (a watch it stops): close ours upstream too.
		res.on('close', () => {
			if (!res.writableFinished) up.destroy();
		});
		req.pipe(up);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve({
				port: typeof address === 'object' && address ? address.port : 0,
				calls,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
						agent.destroy();
					}),
			});
		});
	});
}

// ---------------------------------------------------------------- memory detail

/**
 * Evaluates `expression` in the process behind the inspector port; its value as a string.
 * `collectFirst`: after a full garbage collection, which tells what is live from what merely
 * waits to be collected.
 */
async function evaluate(port: number, expression: string, collectFirst = false): Promise<string> {
	const session = await inspectorSession(port);
	try {
		if (collectFirst) await session.call('HeapProfiler.collectGarbage');
		const answer = session.call('Runtime.evaluate', {expression, returnByValue: true}) as Promise<{
			result?: {value?: string};
		}>;
		const reply = await Promise.race([answer, sleep(5000).then(() => null)]);
		return reply === null ? 'no answer within 5 s' : (reply.result?.value ?? 'no answer');
	} finally {
		session.close();
	}
}

const memoryExpression = `(() => {
	const m = process.memoryUsage();
	const spaces = process.getBuiltinModule('v8').getHeapSpaceStatistics()
		.filter((s) => s.space_size > 1 << 20)
		.map((s) => s.space_name.replace('_space', '') + ' ' + (s.space_used_size / 2 ** 20).toFixed(0) + '/' + (s.space_size / 2 ** 20).toFixed(0));
	const mib = (n) => (n / 2 ** 20).toFixed(1) + ' MiB';
	return 'rss ' + mib(m.rss) + ', V8 heap used ' + mib(m.heapUsed) + ' of ' + mib(m.heapTotal) + ' (' + spaces.join(', ') + ' MiB), external ' + mib(m.external) + ', array buffers ' + mib(m.arrayBuffers);
})()`;

async function memoryOf(port: number, collectFirst = false): Promise<string> {
	return evaluate(port, memoryExpression, collectFirst);
}

/** Starts counting garbage collections by kind in the process (a PerformanceObserver). */
const gcCountStart = `(() => {
	const {PerformanceObserver, constants: c} = process.getBuiltinModule('perf_hooks');
	const kinds = {[c.NODE_PERFORMANCE_GC_MINOR]: 'minor', [c.NODE_PERFORMANCE_GC_MAJOR]: 'major', [c.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [c.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks'};
	const counts = (globalThis.__irtopBenchGc = {});
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) {
			const kind = kinds[e.detail?.kind] ?? String(e.detail?.kind);
			const k = (counts[kind] ??= {n: 0, ms: 0});
			k.n++;
			k.ms += e.duration;
		}
	}).observe({entryTypes: ['gc']});
	return 'counting';
})()`;
const gcCountRead = `Object.entries(globalThis.__irtopBenchGc ?? {}).map(([k, v]) => k + ' ' + v.n + ' (' + v.ms.toFixed(0) + ' ms)').join(', ')`;

/** A DevTools protocol session with the process behind the inspector port. */
async function inspectorSession(port: number) {
	const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
		webSocketDebuggerUrl: string;
	}[];
	const socket = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? '');
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = reject;
	});
	const replies = new Map<number, (result: unknown) => void>();
	const listeners = new Map<string, (params: unknown) => void>();
	socket.onmessage = (message) => {
		const data = JSON.parse(String(message.data)) as {
			id?: number;
			result?: unknown;
			method?: string;
			params?: unknown;
		};
		if (data.id !== undefined) replies.get(data.id)?.(data.result);
		else if (data.method) listeners.get(data.method)?.(data.params);
	};
	let id = 0;
	return {
		call: (method: string, params: object = {}) =>
			new Promise<unknown>((resolve) => {
				replies.set(++id, resolve);
				socket.send(JSON.stringify({id, method, params}));
			}),
		/** Events the process sends (one listener per method). */
		on: (method: string, listener: (params: unknown) => void) => listeners.set(method, listener),
		close: () => socket.close(),
	};
}

/**
 * Profiles the steady state only: CPU (--cpu-profile, a .cpuprofile) and allocations
 * (--alloc-profile, V8's sampling heap profiler with collected objects counted, a .heapprofile),
 * both for Chrome DevTools.
 */
async function steadyProfiles(port: number, cpuFile?: string, allocFile?: string) {
	const session = await inspectorSession(port);
	if (cpuFile) {
		await session.call('Profiler.enable');
		await session.call('Profiler.start');
	}
	if (allocFile)
		await session.call('HeapProfiler.startSampling', {
			samplingInterval: 16_384,
			includeObjectsCollectedByMajorGC: true,
			includeObjectsCollectedByMinorGC: true,
		});
	return {
		async stop() {
			if (cpuFile) {
				const {profile} = (await session.call('Profiler.stop')) as {profile: unknown};
				writeFileSync(cpuFile, JSON.stringify(profile));
				console.log(`CPU profile: ${cpuFile}`);
			}
			if (allocFile) {
				const {profile} = (await session.call('HeapProfiler.stopSampling')) as {profile: unknown};
				writeFileSync(allocFile, JSON.stringify(profile));
				console.log(`allocation profile: ${allocFile}`);
			}
			session.close();
		},
	};
}

/** Writes a V8 heap snapshot of the process behind the inspector port to `file`. */
async function heapSnapshot(port: number, file: string): Promise<void> {
	const session = await inspectorSession(port);
	const chunks: string[] = [];
	session.on('HeapProfiler.addHeapSnapshotChunk', (params) =>
		chunks.push((params as {chunk: string}).chunk),
	);
	await session.call('HeapProfiler.takeHeapSnapshot');
	session.close();
	writeFileSync(file, chunks.join(''));
	console.log(`heap snapshot: ${file}`);
}

// ---------------------------------------------------------------- one run

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal sequences is the point
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]/g;
const podSummary = /(\d+) problems? \/ (\d+) pods/g;
const esc = String.fromCharCode(27);
/** A panel's title drawn inverted: that panel has the focus. */
const focusedTitle = (title: string) => new RegExp(`${esc}\\[7m(?:${esc}\\[[0-9;]*m)* ${title} `);
const focusKeys = [
	{key: '5', title: focusedTitle('5 Events')},
	{key: '3', title: focusedTitle('3 Pods')},
] as const;

interface RunResult {
	listsDone: number;
	firstPodsFrame: number;
	tracedFrame: number;
	shownPods: number;
	lists: string;
	changes: number;
	changeErrors: number;
	patchMs: number[];
	cpuPercent: number;
	cpuWithKeysPercent: number;
	rssFirstFrame: number;
	memoryFirstFrame: string;
	memoryEnd: string;
	gcDuring: string;
	rssMax: number;
	rssEnd: number;
	hwm: number;
	bytesPerMinute: number;
	bytesWithKeysPerMinute: number;
	keyBytesPerMinute: number;
	keyFrameMs: number[];
	keyFirstByteMs: number[];
	keysUnanswered: number;
	listsAfterSync: number;
	listsAfterSyncDetail: string;
	metricsLists: string;
	watches: string;
	other: string;
	lastSummary: string;
}

function countBy(calls: readonly Call[], label: (c: Call) => string): string {
	const counts = new Map<string, number>();
	for (const c of calls) counts.set(label(c), (counts.get(label(c)) ?? 0) + 1);
	return (
		[...counts]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([name, n]) => `${name} ${n}`)
			.join(', ') || 'none'
	);
}

async function oneRun(world: World, run: number): Promise<RunResult> {
	const proxy = await startProxy();
	const dir = join(tmp, `run-${run}`);
	const kubeconfig = join(dir, 'kubeconfig');
	const config = join(dir, 'config.yaml');
	const marker = join(dir, 'first-frame');
	mkdirSync(dir, {recursive: true});
	writeFileSync(
		kubeconfig,
		stringify({
			apiVersion: 'v1',
			kind: 'Config',
			clusters: [
				{
					name: 'bench-proxy',
					cluster: {server: `http://127.0.0.1:${proxy.port}`, 'insecure-skip-tls-verify': true},
				},
			],
			users: [{name: 'lab-admin', user: {token: adminKubeconfig.token}}],
			contexts: [{name: 'lab-admin', context: {cluster: 'bench-proxy', user: 'lab-admin'}}],
			'current-context': 'lab-admin',
		}),
		{mode: 0o600},
	);
	writeFileSync(config, stringify({kubernetes: {kubeconfig, allNamespaces: true}}));
	// Only this config: none of the environment overrides of the lab's .lab/env.
	const env: Record<string, string | undefined> = {
		IRTOP_CONFIG: undefined,
		NO_COLOR: undefined,
		IRTOP_TRACE_FIRST_FRAME: marker,
		XDG_STATE_HOME: join(dir, 'state'),
		XDG_CONFIG_HOME: dir,
	};
	for (const {variable} of environmentVariables) env[variable] = undefined;

	const inspecting =
		memoryDetail ||
		heapSnapshotFile !== undefined ||
		allocProfileFile !== undefined ||
		cpuProfileFile !== undefined;
	const inspectPort = inspecting ? await freePort() : 0;
	const flags = inspecting
		? `${nodeFlags || shebang().flags} --inspect=127.0.0.1:${inspectPort}`
		: nodeFlags;
	const wallStart = Date.now();
	const t0 = performance.now();
	const pty = startInPty({args: ['--config', config, '-A'], env, nodeFlags: flags, bin: irtop});
	const raw: Buffer[] = [];
	let tail = '';
	/** For the error when irtop exits early. */
	let last = '';
	let shownPods = 0;
	let lastSummary = '';
	let firstPodsFrame = Number.NaN;
	let pendingKey: {at: number; title: RegExp; firstByte: number; seen: string} | null = null;
	let keyBytes = 0;
	const keyFrameMs: number[] = [];
	const keyFirstByteMs: number[] = [];
	let answered: () => void = () => {};
	pty.child.stdout.on('data', (chunk: Buffer) => {
		const now = performance.now();
		if (rawFile) raw.push(chunk);
		const text = chunk.toString('latin1');
		last = (last + chunk.toString()).slice(-3000);
		const plain = (tail + text).replace(ansi, '');
		for (const m of plain.matchAll(podSummary)) {
			shownPods = Number(m[2]);
			lastSummary = m[0];
			if (Number.isNaN(firstPodsFrame) && shownPods >= podCount) firstPodsFrame = now - t0;
		}
		tail = text.slice(-300);
		if (pendingKey) {
			if (Number.isNaN(pendingKey.firstByte)) pendingKey.firstByte = now - pendingKey.at;
			pendingKey.seen = (pendingKey.seen + text).slice(-4000);
			if (pendingKey.title.test(pendingKey.seen)) {
				keyFrameMs.push(now - pendingKey.at);
				keyFirstByteMs.push(pendingKey.firstByte);
				keyBytes += chunk.length;
				pendingKey = null;
				answered();
			}
		}
	});
	const pid = await nodePid(pty.child.pid ?? 0);
	let finished = false;
	let sampler: ReturnType<typeof setInterval> | undefined;
	running = {pty, pid};
	const exited = new Promise<never>((_, reject) =>
		pty.child.on('exit', (code) =>
			reject(
				new Error(
					`irtop exited (${code}) before the end; the terminal showed:\n${last.replace(ansi, '').trim()}`,
				),
			),
		),
	);
	exited.catch(() => {});
	const until = async (what: string, done: () => boolean, limit = 120_000) => {
		const started = performance.now();
		while (!done()) {
			if (performance.now() - started > limit) throw new Error(`${what}: not after ${limit} ms`);
			await Promise.race([sleep(5), exited]);
		}
	};
	/** Presses a key; resolves when the frame that answers it arrived, or after a second. */
	const press = async (k: (typeof focusKeys)[number]) => {
		const wait = new Promise<void>((resolve) => {
			answered = resolve;
		});
		pendingKey = {at: performance.now(), title: k.title, firstByte: Number.NaN, seen: ''};
		pty.child.stdin.write(k.key);
		const ok = await Promise.race([wait.then(() => true), sleep(1000).then(() => false)]);
		if (!ok) pendingKey = null;
		return ok;
	};

	try {
		const firstList = (resource: string) =>
			proxy.calls.find((c) => c.verb === 'LIST' && c.resource === resource);
		await until('initial lists', () => informed.every((r) => firstList(r)?.end !== undefined));
		const listsDone = Math.max(...informed.map((r) => (firstList(r)?.end ?? 0) - t0));
		const lists = informed
			.map((r) => {
				const c = firstList(r) as Call;
				return `${r} ${ms((c.end ?? 0) - c.at)} ${mib(c.bytes)}`;
			})
			.join(', ');
		await until(`a frame showing ${podCount} pods`, () => !Number.isNaN(firstPodsFrame));
		await until('the traced first frame', () => {
			try {
				return readFileSync(marker, 'utf8') !== '';
			} catch {
				return false;
			}
		});
		const tracedFrame = Number(readFileSync(marker, 'utf8')) - wallStart;
		const rssFirstFrame = rssMiB(pid);
		const memoryFirstFrame = memoryDetail ? await memoryOf(inspectPort) : '';
		// The pods panel focused, then a quiet moment before the steady state.
		await press(focusKeys[1]);
		await sleep(3000);

		const syncedAt = listsDone + t0;
		const bytesBefore = pty.output.bytes;
		const keyBytesBefore = keyBytes;
		const keysBefore = keyFrameMs.length;
		if (memoryDetail) await evaluate(inspectPort, gcCountStart);
		const profiles =
			cpuProfileFile || allocProfileFile
				? await steadyProfiles(
						inspectPort,
						cpuProfileFile?.replace('%run', String(run)),
						allocProfileFile?.replace('%run', String(run)),
					)
				: null;
		const ticksBefore = cpuTicks(pid);
		const steadyStart = performance.now();
		const steadyMs = seconds * 1000;
		let rssMax = rssMiB(pid);
		sampler = setInterval(() => {
			try {
				rssMax = Math.max(rssMax, rssMiB(pid));
			} catch {} // gone: the run fails on its exit
		}, 1000);

		// 20 changes a second: a pod's container restarts and is not ready; 10 changes later the
		// pod is ready again. So about ten pods are problems at any time, and they keep moving.
		const churn = (async () => {
			const patchMs: number[] = [];
			const inFlight = new Set<Promise<void>>();
			let errors = 0;
			let changes = 0;
			const interval = 1000 / Math.max(rate, 1e-9);
			const n = world.pods.length;
			for (let i = 0; rate > 0 && !finished; i++) {
				const due = steadyStart + i * interval;
				if (due - steadyStart >= 2 * steadyMs) break;
				await sleep(Math.max(0, due - performance.now()));
				const half = Math.floor(i / 2);
				const recovering = i % 2 === 1;
				const index = recovering ? half - 5 : half;
				if (index < 0) continue;
				const pod = world.pods[(index + run * 997) % n] as BenchPod;
				if (!recovering) pod.restarts++;
				const started = performance.now();
				const p = admin
					.patch(`${podPath(pod)}/status`, {status: podStatus(pod, recovering)})
					.then(
						() => {
							patchMs.push(performance.now() - started);
							changes++;
						},
						() => {
							errors++;
						},
					)
					.finally(() => inFlight.delete(p));
				inFlight.add(p);
			}
			await Promise.all(inFlight);
			return {patchMs, errors, changes};
		})();
		const keys = (async () => {
			let unanswered = 0;
			for (let i = 0; keyRate > 0 && !finished; i++) {
				const due = steadyStart + steadyMs + 100 + i * (1000 / keyRate);
				if (due - steadyStart >= 2 * steadyMs) break;
				await sleep(Math.max(0, due - performance.now()));
				if (!(await press(focusKeys[i % 2] as (typeof focusKeys)[number]))) unanswered++;
			}
			return unanswered;
		})();
		// Two windows of the same changes: without keys (the CPU and bytes of the steady state), then
		// with keys (key to frame, and what answering them costs).
		await Promise.race([sleep(steadyMs), exited]);
		const ticksMiddle = cpuTicks(pid);
		const middle = performance.now();
		const bytesMiddle = pty.output.bytes;
		await Promise.race([
			sleep(Math.max(0, steadyStart + 2 * steadyMs - performance.now())),
			exited,
		]);
		const ticks = ticksMiddle - ticksBefore;
		const elapsed = middle - steadyStart;
		const bytes = bytesMiddle - bytesBefore;
		const ticksWithKeys = cpuTicks(pid) - ticksMiddle;
		const elapsedWithKeys = performance.now() - middle;
		const bytesWithKeys = pty.output.bytes - bytesMiddle;
		const rssEnd = rssMiB(pid);
		const hwm = rssMiB(pid, 'VmHWM');
		await profiles?.stop();
		const gcDuring = memoryDetail ? await evaluate(inspectPort, gcCountRead) : '';
		const memoryEnd = memoryDetail
			? `${await memoryOf(inspectPort)}; after a full GC: ${await memoryOf(inspectPort, true)}`
			: '';
		if (heapSnapshotFile)
			await heapSnapshot(inspectPort, heapSnapshotFile.replace('%run', String(run)));
		clearInterval(sampler);
		const {patchMs, errors, changes} = await churn;
		const keysUnanswered = await keys;
		const perMinute = 60_000 / elapsed;
		const perMinuteWithKeys = 60_000 / elapsedWithKeys;

		const calls = proxy.calls;
		const afterSync = calls.filter((c) => c.verb === 'LIST' && c.at > syncedAt);
		const relists = afterSync.filter((c) => informed.includes(c.resource));
		const during = calls.filter((c) => c.at >= steadyStart);
		return {
			listsDone,
			firstPodsFrame,
			tracedFrame,
			shownPods,
			lists,
			changes,
			changeErrors: errors,
			patchMs,
			cpuPercent: ticks / (elapsed / 1000),
			cpuWithKeysPercent: ticksWithKeys / (elapsedWithKeys / 1000),
			rssFirstFrame,
			memoryFirstFrame,
			memoryEnd,
			gcDuring,
			rssMax: Math.max(rssMax, rssEnd),
			rssEnd,
			hwm,
			bytesPerMinute: bytes * perMinute,
			bytesWithKeysPerMinute: bytesWithKeys * perMinuteWithKeys,
			keyBytesPerMinute: (keyBytes - keyBytesBefore) * perMinuteWithKeys,
			keyFrameMs: keyFrameMs.slice(keysBefore),
			keyFirstByteMs: keyFirstByteMs.slice(keysBefore),
			keysUnanswered,
			listsAfterSync: relists.length,
			listsAfterSyncDetail: countBy(relists, (c) => c.resource),
			metricsLists: `${countBy(
				afterSync.filter((c) => !informed.includes(c.resource)),
				(c) => c.resource,
			)} after the sync (${countBy(
				during.filter((c) => c.verb === 'LIST'),
				(c) => c.resource,
			)} during the ${2 * seconds} s)`,
			watches: countBy(
				calls.filter((c) => c.verb === 'WATCH'),
				(c) => c.resource,
			),
			other: countBy(
				calls.filter((c) => c.verb !== 'WATCH' && c.verb !== 'LIST'),
				(c) => `${c.verb} ${c.resource}`,
			),
			lastSummary,
		};
	} finally {
		running = undefined;
		finished = true;
		clearInterval(sampler);
		await pty.stop();
		await proxy.close();
		if (rawFile) writeFileSync(rawFile, Buffer.concat(raw));
	}
}

function report(r: RunResult): void {
	const q = (values: number[]) =>
		values.length === 0
			? 'none'
			: `p50 ${quantile(values, 0.5).toFixed(1)} · p90 ${quantile(values, 0.9).toFixed(1)} · p99 ${quantile(values, 0.99).toFixed(1)} · max ${Math.max(...values).toFixed(1)} ms`;
	console.log(
		`  initial lists done ${ms(r.listsDone)} after the process started (each list's time and bytes on the wire, gzip: ${r.lists})`,
	);
	console.log(
		`  first frame showing ${r.shownPods >= podCount ? `>= ${podCount}` : r.shownPods} pods: ${ms(r.firstPodsFrame)} after start, ${ms(r.firstPodsFrame - r.listsDone)} after the lists   [target <= 1 s]`,
	);
	console.log(
		`  first complete frame (IRTOP_TRACE_FIRST_FRAME): ${ms(r.tracedFrame)} after start, ${ms(r.tracedFrame - r.listsDone)} after the lists`,
	);
	console.log(
		`  pod changes: ${r.changes} in ${2 * seconds} s (${(r.changes / (2 * seconds)).toFixed(1)}/s${r.changeErrors ? `, ${r.changeErrors} failed` : ''}), patch ${q(r.patchMs)}; screen at the end: "${r.lastSummary}"`,
	);
	console.log(
		`  CPU: ${r.cpuPercent.toFixed(1)} % of a core over the ${seconds} s of changes   [target <= 15 %]; ${r.cpuWithKeysPercent.toFixed(1)} % over the ${seconds} s of changes and ${keyRate} keys/s`,
	);
	console.log(
		`  RSS: ${r.rssFirstFrame.toFixed(1)} MiB at the first frame, max ${r.rssMax.toFixed(1)} MiB during the changes, ${r.rssEnd.toFixed(1)} MiB at the end; peak since start (VmHWM) ${r.hwm.toFixed(1)} MiB   [target <= 250 MB]`,
	);
	if (r.memoryFirstFrame) console.log(`  memory at the first frame: ${r.memoryFirstFrame}`);
	if (r.memoryEnd) console.log(`  memory at the end: ${r.memoryEnd}`);
	if (r.gcDuring) console.log(`  garbage collections during the changes: ${r.gcDuring}`);
	console.log(
		`  bytes written to the terminal: ${Math.round(r.bytesPerMinute)} B/min (${Math.round(r.bytesPerMinute / 60)} B/s) over the changes; ${Math.round(r.bytesWithKeysPerMinute)} B/min with the keys, of which frames answering keys ${Math.round(r.keyBytesPerMinute)} B/min`,
	);
	console.log(
		`  key press to the frame answering it: ${q(r.keyFrameMs)} (${r.keyFrameMs.length} keys${r.keysUnanswered ? `, ${r.keysUnanswered} unanswered within 1 s` : ''})   [target <= 50 ms p99]`,
	);
	console.log(`  key press to the next byte written: ${q(r.keyFirstByteMs)}`);
	console.log(
		`  LIST after the initial sync (informed resources): ${r.listsAfterSync}${r.listsAfterSync ? ` (${r.listsAfterSyncDetail})` : ''}   [target 0]`,
	);
	console.log(`  LIST of metrics.k8s.io (not watchable, polled): ${r.metricsLists}`);
	console.log(`  WATCH requests: ${r.watches}`);
	console.log(`  other requests: ${r.other}`);
}

// ---------------------------------------------------------------- main

let cleaning: Promise<void> | undefined;
/** Once, whoever asks first (the end of the run or Ctrl-C); the other waits for it. */
function cleanUpCreated(): Promise<void> {
	cleaning ??= tearDown(
		created.flatMap((w) => w.namespaces),
		created.flatMap((w) => w.nodes),
	);
	return cleaning;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		stopping = true;
		console.log(`\n${signal}: cleaning up`);
		if (running) {
			try {
				process.kill(running.pid, 'SIGTERM');
			} catch {}
			running.pty.child.kill();
		}
		void cleanUpCreated().finally(() => {
			rmSync(tmp, {recursive: true, force: true});
			process.exit(130);
		});
	});
}

try {
	if (process.argv.includes('--clean')) {
		const left = await leftovers();
		console.log(
			`leftovers: ${left.namespaces.length} namespaces, ${left.nodes.length} nodes labelled ${benchLabel}=${benchValue}`,
		);
		await tearDown(left.namespaces, left.nodes);
	} else {
		console.log(
			`irtop Kubernetes benchmark · node ${process.version} · lab apiserver ${k8s.apiserverUrl} · ${runs} run${runs > 1 ? 's' : ''} · ${seconds} s of ${rate} pod changes/s, then ${seconds} s more with ${keyRate} keys/s`,
		);
		const built = performance.now();
		irtop = privateBin(join(tmp, 'irtop'));
		console.log(`bundle of the working tree built in ${ms(performance.now() - built)}`);
		const world = await setUp();
		const results: RunResult[] = [];
		for (let run = 1; run <= runs && !stopping; run++) {
			console.log(`run ${run}/${runs}`);
			const result = await oneRun(world, run);
			report(result);
			results.push(result);
		}
		if (results.length > 1) {
			const line = (label: string, values: number[], unit: string, digits = 0) =>
				console.log(`  ${label}: ${fmt(stats(values) as Stats, unit, digits)}`);
			console.log(`over ${results.length} runs`);
			line(
				'first frame after the lists',
				results.map((r) => r.firstPodsFrame - r.listsDone),
				'ms',
			);
			line(
				'CPU (changes)',
				results.map((r) => r.cpuPercent),
				'% of a core',
				1,
			);
			line(
				'CPU (changes and keys)',
				results.map((r) => r.cpuWithKeysPercent),
				'% of a core',
				1,
			);
			line(
				'RSS max',
				results.map((r) => r.rssMax),
				'MiB',
				1,
			);
			line(
				'key to frame p99',
				results.map((r) => quantile(r.keyFrameMs, 0.99)),
				'ms',
				1,
			);
			line(
				'bytes',
				results.map((r) => r.bytesPerMinute),
				'B/min',
			);
			line(
				'LIST after sync',
				results.map((r) => r.listsAfterSync),
				'calls',
			);
		}
	}
} catch (error) {
	// After Ctrl-C the run fails (its irtop is gone); the signal handler cleans up and exits.
	if (!interrupted) {
		console.error(error);
		process.exitCode = 1;
	}
} finally {
	if (!interrupted) {
		await cleanUpCreated();
		rmSync(tmp, {recursive: true, force: true});
	}
}
