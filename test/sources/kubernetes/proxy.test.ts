// The Kubernetes client through a proxy, as kubectl does it: the kubeconfig's
// proxy-url, else HTTPS_PROXY/NO_PROXY (never for a loopback API server).
// Against the lab's API server, through the counting proxy of test/support:
// every list and watch is a CONNECT tunnel the proxy sees.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KubeConfig} from '@kubernetes/client-node';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {ProxySettingError} from '../../../source/net/proxy-env.ts';
import {connect} from '../../../source/sources/kubernetes/connect.ts';
import {type OpenedKubernetes, openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {type CountingProxy, startCountingProxy} from '../../support/counting-proxy.ts';
import {describeLab} from '../../support/lab.ts';
import {kubeconfigOf} from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-kube-proxy-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let written = 0;
function kubeconfigFile(server: string, cluster: Record<string, unknown> = {}): string {
	const path = join(dir, `config-${written++}`);
	const config = {
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name: 'c', cluster: {server, ...cluster}}],
		users: [{name: 'u', user: {token: 't'}}],
		contexts: [{name: 'x', context: {cluster: 'c', user: 'u'}}],
		'current-context': 'x',
	};
	writeFileSync(path, JSON.stringify(config));
	return path;
}

const proxyUrlOf = (kubeconfig: string, env: NodeJS.ProcessEnv) =>
	connect({kubeconfig, env}).kc.getCurrentCluster()?.proxyUrl;

describe('Kubernetes proxy settings (kubectl rules)', () => {
	const remote = kubeconfigFile('https://prod.corp:6443');

	it('takes HTTPS_PROXY (or https_proxy) when the kubeconfig names no proxy-url', () => {
		expect(proxyUrlOf(remote, {HTTPS_PROXY: 'http://proxy.corp:3128'})).toBe(
			'http://proxy.corp:3128/',
		);
		expect(proxyUrlOf(remote, {https_proxy: 'proxy.corp:3128'})).toBe('http://proxy.corp:3128/');
		expect(proxyUrlOf(remote, {HTTPS_PROXY: 'socks5://proxy.corp:1080'})).toBe(
			'socks5://proxy.corp:1080',
		);
		expect(proxyUrlOf(remote, {})).toBeUndefined();
	});

	it('honours NO_PROXY, and never proxies a loopback API server from the environment', () => {
		const env = {HTTPS_PROXY: 'http://proxy.corp:3128'};
		expect(proxyUrlOf(remote, {...env, NO_PROXY: '.corp'})).toBeUndefined();
		expect(proxyUrlOf(remote, {...env, NO_PROXY: 'prod.corp:6443'})).toBeUndefined();
		expect(proxyUrlOf(kubeconfigFile('https://127.0.0.1:6443'), env)).toBeUndefined();
		expect(proxyUrlOf(kubeconfigFile('https://localhost:6443'), env)).toBeUndefined();
		expect(proxyUrlOf(kubeconfigFile('https://[::1]:6443'), env)).toBeUndefined();
	});

	it("keeps the kubeconfig's own proxy-url over the environment, and NO_PROXY does not touch it", () => {
		const own = kubeconfigFile('https://prod.corp:6443', {'proxy-url': 'http://own.corp:8080'});
		expect(proxyUrlOf(own, {HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'prod.corp'})).toBe(
			'http://own.corp:8080',
		);
	});

	it('an unusable HTTPS_PROXY is an error naming the variable, not its value', () => {
		const attempt = () => connect({kubeconfig: remote, env: {HTTPS_PROXY: 'ftp://u:s3cret@p:21'}});
		expect(attempt).toThrow(ProxySettingError);
		expect(attempt).toThrow(/^HTTPS_PROXY: ftp proxies are not supported/);
	});
});

describeLab('Kubernetes through a proxy (lab API server)', ['kubernetes'], (lab) => {
	const settings = {
		circuitBreakerEnv: {},
		rateLimit: {namespace: 'platform-ingress', configMap: 'x', deployment: 'x', key: 'k'},
	};
	let proxy: CountingProxy | undefined;
	let opened: OpenedKubernetes | undefined;
	afterEach(async () => {
		await opened?.source.close();
		await proxy?.close();
	});

	/** The lab's kubeconfig (its CA and token), its cluster changed as given. */
	function labKubeconfig(change: (cluster: {server: string}) => Record<string, unknown>): string {
		const kc = new KubeConfig();
		kc.loadFromFile(kubeconfigOf(lab));
		const exported = JSON.parse(kc.exportConfig()) as {
			clusters: {name: string; cluster: {server: string}}[];
		};
		for (const entry of exported.clusters)
			entry.cluster = {...entry.cluster, ...change(entry.cluster)};
		const path = join(dir, `lab-${written++}`);
		writeFileSync(path, JSON.stringify(exported));
		return path;
	}

	async function listed(kubeconfig: string, env: NodeJS.ProcessEnv) {
		opened = openKubernetes({kubeconfig, allNamespaces: true, env}, settings);
		opened.source.watch(() => {}, new AbortController().signal);
		await opened.source.poll(AbortSignal.timeout(30_000));
		return opened.source.read();
	}

	it("sends lists and watches through the kubeconfig's proxy-url", async () => {
		proxy = await startCountingProxy();
		const url = proxy.url;
		let apiserver = '';
		const kubeconfig = labKubeconfig((cluster) => {
			apiserver = new URL(cluster.server).host;
			return {'proxy-url': url};
		});
		const data = await listed(kubeconfig, {});
		expect(data.nodes.length).toBeGreaterThan(0);
		expect(data.pods.length).toBeGreaterThan(0);
		expect(data.reconnecting).toBeUndefined();
		expect(proxy.requests.length).toBeGreaterThan(0);
		expect(proxy.requests.every((r) => r.method === 'CONNECT' && r.target === apiserver)).toBe(
			true,
		);
	});

	it('sends them through HTTPS_PROXY when the API server is not on loopback', async () => {
		// A name only the proxy resolves (to the lab's API server): direct, it would not resolve at all.
		proxy = await startCountingProxy({hosts: {'apiserver.lab.test': '127.0.0.1'}});
		let port = '';
		const kubeconfig = labKubeconfig((cluster) => {
			port = new URL(cluster.server).port;
			// The lab's serving certificate names localhost, not the made-up name.
			return {server: `https://apiserver.lab.test:${port}`, 'tls-server-name': 'localhost'};
		});
		const data = await listed(kubeconfig, {
			HTTPS_PROXY: proxy.url,
			NO_PROXY: 'localhost,127.0.0.1',
		});
		expect(data.pods.length).toBeGreaterThan(0);
		expect(proxy.to(`apiserver.lab.test:${port}`).length).toBeGreaterThan(0);
		expect(proxy.requests.every((r) => r.method === 'CONNECT')).toBe(true);
	});
});
