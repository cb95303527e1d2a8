import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {type Cluster, type Context, KubeConfig, type User} from '@kubernetes/client-node';
import {applyEnvironmentProxy} from './proxy.ts';

export interface ConnectOptions {
	/** A path or ':'-separated paths, as KUBECONFIG; the default search when absent. */
	readonly kubeconfig?: string;
	readonly context?: string;
	/** -n; when absent, the context's namespace, else every namespace (docs/decisions.md). */
	readonly namespace?: string;
	/** -A */
	readonly allNamespaces?: boolean;
	readonly env?: NodeJS.ProcessEnv;
}

export interface Connection {
	readonly kc: KubeConfig;
	readonly context: string;
	/** null: every namespace. */
	readonly namespace: string | null;
}

/**
 * kubectl's rules: every file of KUBECONFIG is read and merged, the first
 * file to define a name (or the current context) wins; no KUBECONFIG means
 * ~/.kube/config, and none of those in a pod means the in-cluster service
 * account.
 */
export function connect(options: ConnectOptions): Connection {
	const env = options.env ?? process.env;
	const files = (options.kubeconfig ?? env.KUBECONFIG ?? '')
		.split(path.delimiter)
		.filter((file) => file !== '');
	const kc = new KubeConfig();
	if (files.length > 0) mergeFiles(kc, files);
	else {
		const home = path.join(homedir(), '.kube', 'config');
		if (existsSync(home)) kc.loadFromFile(home);
		else if (env.KUBERNETES_SERVICE_HOST) kc.loadFromCluster();
		else throw new Error('no kubeconfig: set KUBECONFIG or create ~/.kube/config');
	}
	if (options.context) {
		if (!kc.getContextObject(options.context))
			throw new Error(`context "${options.context}" is not in the kubeconfig`);
		kc.setCurrentContext(options.context);
	}
	// A kubeconfig proxy-url, else HTTPS_PROXY/NO_PROXY as kubectl reads them.
	applyEnvironmentProxy(kc, env);
	const context = kc.getCurrentContext();
	if (!context || !kc.getCurrentCluster())
		throw new Error('the kubeconfig has no current context: pass --context');
	// kubectl falls back to "default"; a triage dashboard falls back to every namespace, as the
	// runbook's first look (`kubectl get pods -A`) does. A context that names one keeps it.
	const namespace = options.allNamespaces
		? null
		: (options.namespace ?? (kc.getContextObject(context)?.namespace || null));
	return {kc, context, namespace};
}

function mergeFiles(kc: KubeConfig, files: readonly string[]): void {
	const clusters = new Map<string, Cluster>();
	const users = new Map<string, User>();
	const contexts = new Map<string, Context>();
	let currentContext = '';
	for (const file of files) {
		// kubectl skips files of KUBECONFIG that do not exist.
		if (!existsSync(file)) continue;
		const one = new KubeConfig();
		one.loadFromFile(file);
		for (const c of one.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
		for (const u of one.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
		for (const c of one.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
		if (!currentContext) currentContext = one.getCurrentContext() ?? '';
	}
	kc.loadFromOptions({
		clusters: [...clusters.values()],
		users: [...users.values()],
		contexts: [...contexts.values()],
		currentContext,
	});
}
