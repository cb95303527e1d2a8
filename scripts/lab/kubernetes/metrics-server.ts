// The lab's stand-in for metrics-server: serves metrics.k8s.io/v1beta1
// NodeMetrics and PodMetrics for the simulated usage (usage.ts) behind the
// apiserver's aggregation layer, so `kubectl top` works without kubelets.
//
// Like metrics-server it trusts only the front proxy: TLS client certificates
// must chain to the front-proxy CA, and it authorizes the user the apiserver
// names in X-Remote-User/X-Remote-Group with a SubjectAccessReview.
import {readFileSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createServer, type Server} from 'node:https';
import {join} from 'node:path';
import type {KubeClient} from './client.ts';
import type {World} from './fake-kubelet.ts';
import {nodeIsLive} from './fake-kubelet.ts';
import {formatCpu, formatMemory} from './quantity.ts';
import {overrideKey, parseOverrides} from './sim-config.ts';
import type {Pod} from './types.ts';
import {nodeUsage, podUsage, type Usage} from './usage.ts';

const group = 'metrics.k8s.io';
const version = 'v1beta1';
const apiVersion = `${group}/${version}`;
const window = '20.052s';

const discovery = {
	kind: 'APIResourceList',
	apiVersion: 'v1',
	groupVersion: apiVersion,
	resources: [
		{
			name: 'nodes',
			singularName: '',
			namespaced: false,
			kind: 'NodeMetrics',
			verbs: ['get', 'list'],
		},
		{name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list']},
	],
};
const apiGroup = {
	kind: 'APIGroup',
	apiVersion: 'v1',
	name: group,
	versions: [{groupVersion: apiVersion, version}],
	preferredVersion: {groupVersion: apiVersion, version},
};

/** Equality-based label selectors (`a=b,c!=d,e`), which is what `kubectl top -l` sends. */
export function matchesSelector(
	labels: Record<string, string> | undefined,
	selector: string | null,
): boolean {
	if (!selector) return true;
	return selector.split(',').every((term) => {
		const [key, value] = term.split(/!=|==|=/).map((s) => s.trim());
		if (!key) return true;
		if (value === undefined) return labels?.[key] !== undefined;
		return term.includes('!=') ? labels?.[key] !== value : labels?.[key] === value;
	});
}

function isRunning(pod: Pod): boolean {
	return (
		pod.status?.phase === 'Running' &&
		(pod.status.containerStatuses as {state?: {running?: unknown}}[] | undefined)?.some(
			(c) => c.state?.running,
		) === true
	);
}

export function startMetricsServer(
	client: KubeClient,
	world: World,
	port: number,
	pkiDir: string,
	log: (line: string) => void,
): Server {
	const decisions = new Map<string, {allowed: boolean; until: number}>();

	async function allowed(
		user: string,
		groups: string[],
		verb: string,
		resource: string,
		namespace?: string,
		name?: string,
	): Promise<boolean> {
		const key = JSON.stringify([user, groups, verb, resource, namespace, name]);
		const cached = decisions.get(key);
		if (cached && cached.until > Date.now()) return cached.allowed;
		const review = await client.create<{status?: {allowed?: boolean}}>(
			'/apis/authorization.k8s.io/v1/subjectaccessreviews',
			{
				apiVersion: 'authorization.k8s.io/v1',
				kind: 'SubjectAccessReview',
				spec: {
					user,
					groups,
					resourceAttributes: {
						group,
						version,
						resource,
						verb,
						...(namespace ? {namespace} : {}),
						...(name ? {name} : {}),
					},
				},
			},
		);
		const result = review.status?.allowed === true;
		decisions.set(key, {allowed: result, until: Date.now() + 10_000});
		return result;
	}

	function snapshot(now: number) {
		const overrides = parseOverrides(world.config.items.values().next().value);
		const pods = [...world.pods.items.values()].filter(
			(p) => isRunning(p) && nodeIsLive(world.nodes.items.get(p.spec.nodeName ?? '')),
		);
		const replicas = new Map<string, number>();
		for (const p of pods)
			replicas.set(overrideKey(p) ?? '', (replicas.get(overrideKey(p) ?? '') ?? 0) + 1);
		const podUsages = new Map<Pod, Usage[]>(
			pods.map((p) => [p, podUsage(p, overrides, replicas.get(overrideKey(p) ?? '') ?? 1, now)]),
		);
		return {overrides, pods, podUsages};
	}

	function podMetrics(pod: Pod, usages: Usage[], timestamp: string) {
		return {
			metadata: {
				name: pod.metadata.name,
				namespace: pod.metadata.namespace,
				creationTimestamp: timestamp,
				labels: pod.metadata.labels ?? {},
			},
			timestamp,
			window,
			containers: pod.spec.containers.map((c, i) => ({
				name: c.name,
				usage: {cpu: formatCpu(usages[i]?.cpu ?? 0), memory: formatMemory(usages[i]?.memory ?? 0)},
			})),
		};
	}

	function nodeMetrics(timestamp: string, now: number, selector: string | null, only?: string) {
		const {overrides, podUsages} = snapshot(now);
		return (
			[...world.nodes.items.values()]
				// A node whose kubelet is down reports nothing, as with metrics-server.
				.filter(
					(n) =>
						nodeIsLive(n) &&
						(only === undefined || n.metadata.name === only) &&
						matchesSelector(n.metadata.labels, selector),
				)
				.map((node) => {
					const onNode = [...podUsages]
						.filter(([p]) => p.spec.nodeName === node.metadata.name)
						.flatMap(([, u]) => u);
					const usage = nodeUsage(node, onNode, overrides, now);
					return {
						metadata: {
							name: node.metadata.name,
							creationTimestamp: timestamp,
							labels: node.metadata.labels ?? {},
						},
						timestamp,
						window,
						usage: {cpu: formatCpu(usage.cpu), memory: formatMemory(usage.memory)},
					};
				})
		);
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'https://localhost');
		const send = (status: number, body: unknown) => {
			res.writeHead(status, {'content-type': 'application/json'});
			res.end(JSON.stringify(body));
		};
		const status = (code: number, reason: string, message: string) =>
			send(code, {
				kind: 'Status',
				apiVersion: 'v1',
				metadata: {},
				status: 'Failure',
				message,
				reason,
				code,
			});
		const path = url.pathname.replace(/\/$/, '');
		if (['/healthz', '/readyz', '/livez'].includes(path)) {
			res.writeHead(200, {'content-type': 'text/plain'});
			res.end('ok');
			return;
		}
		if (path === '/apis')
			return send(200, {kind: 'APIGroupList', apiVersion: 'v1', groups: [apiGroup]});
		if (path === `/apis/${group}`) return send(200, apiGroup);
		if (path === `/apis/${apiVersion}`) return send(200, discovery);
		const match =
			/^\/apis\/metrics\.k8s\.io\/v1beta1(?:\/namespaces\/([^/]+))?\/(nodes|pods)(?:\/([^/]+))?$/.exec(
				path,
			);
		if (!match) return status(404, 'NotFound', 'the server could not find the requested resource');
		const [, namespace, resource, name] = match as unknown as [
			string,
			string | undefined,
			'nodes' | 'pods',
			string | undefined,
		];
		const user = String(req.headers['x-remote-user'] ?? '');
		const groups = String(req.headers['x-remote-group'] ?? '')
			.split(',')
			.filter(Boolean);
		const verb = name ? 'get' : 'list';
		if (!user || !(await allowed(user, groups, verb, resource, namespace, name))) {
			return status(
				403,
				'Forbidden',
				`${resource}.${group}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope'}`,
			);
		}
		const now = Date.now();
		const timestamp = new Date(now - 10_000).toISOString().replace(/\.\d+Z$/, 'Z');
		const selector = url.searchParams.get('labelSelector');
		if (resource === 'nodes') {
			const items = nodeMetrics(timestamp, now, selector, name);
			if (name)
				return items[0]
					? send(200, {kind: 'NodeMetrics', apiVersion, ...items[0]})
					: status(404, 'NotFound', `nodemetrics.metrics.k8s.io "${name}" not found`);
			return send(200, {kind: 'NodeMetricsList', apiVersion, metadata: {}, items});
		}
		const {podUsages} = snapshot(now);
		const items = [...podUsages]
			.filter(
				([p]) =>
					(!namespace || p.metadata.namespace === namespace) &&
					(!name || p.metadata.name === name) &&
					matchesSelector(p.metadata.labels, selector),
			)
			.map(([p, u]) => podMetrics(p, u, timestamp));
		if (name)
			return items[0]
				? send(200, {kind: 'PodMetrics', apiVersion, ...items[0]})
				: status(404, 'NotFound', `podmetrics.metrics.k8s.io "${namespace}/${name}" not found`);
		return send(200, {kind: 'PodMetricsList', apiVersion, metadata: {}, items});
	}

	const server = createServer(
		{
			cert: readFileSync(join(pkiDir, 'metrics-server.crt')),
			key: readFileSync(join(pkiDir, 'metrics-server.key')),
			ca: readFileSync(join(pkiDir, 'front-proxy-ca.crt')),
			requestCert: true,
			rejectUnauthorized: true,
		},
		(req, res) => {
			handle(req, res).catch((error: Error) => {
				log(`metrics ${req.url}: ${error.message}`);
				if (!res.headersSent) res.writeHead(500, {'content-type': 'application/json'});
				res.end(
					JSON.stringify({
						kind: 'Status',
						apiVersion: 'v1',
						status: 'Failure',
						message: error.message,
						code: 500,
					}),
				);
			});
		},
	);
	server.listen(port, '127.0.0.1', () =>
		log(`metrics.k8s.io stand-in listening on https://127.0.0.1:${port}`),
	);
	return server;
}
