// The lab cluster's PKI, made with the openssl CLI (Node can make keys but not
// certificates): a cluster CA for the apiserver and the metrics stand-in's
// serving certificates, a front-proxy CA whose client certificate the
// aggregator presents to the metrics stand-in, and the service-account keys.
// EC P-256 keys: generated in milliseconds, accepted by every component.
import {existsSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {run} from './run.ts';

export interface ClusterPki {
	readonly dir: string;
	readonly caCert: string;
	readonly caKey: string;
	readonly apiserverCert: string;
	readonly apiserverKey: string;
	readonly frontProxyCaCert: string;
	readonly frontProxyClientCert: string;
	readonly frontProxyClientKey: string;
	readonly serviceAccountKey: string;
	readonly serviceAccountPub: string;
	readonly metricsCert: string;
	readonly metricsKey: string;
	/** The fake kubelet's serving certificate, which the apiserver verifies for logs. */
	readonly kubeletCert: string;
	readonly kubeletKey: string;
	/** The apiserver's client certificate towards kubelets. */
	readonly kubeletClientCert: string;
	readonly kubeletClientKey: string;
}

/** The name the aggregator expects on the metrics stand-in's certificate (`<service>.<namespace>.svc`). */
export const metricsServiceName = 'lab-metrics-server';
export const metricsServiceNamespace = 'kube-system';
/** The CN the apiserver's --requestheader-allowed-names accepts from the front proxy. */
export const frontProxyClientName = 'front-proxy-client';

export function clusterPki(dir: string): ClusterPki {
	const file = (name: string) => join(dir, name);
	return {
		dir,
		caCert: file('ca.crt'),
		caKey: file('ca.key'),
		apiserverCert: file('apiserver.crt'),
		apiserverKey: file('apiserver.key'),
		frontProxyCaCert: file('front-proxy-ca.crt'),
		frontProxyClientCert: file('front-proxy-client.crt'),
		frontProxyClientKey: file('front-proxy-client.key'),
		serviceAccountKey: file('sa.key'),
		serviceAccountPub: file('sa.pub'),
		metricsCert: file('metrics-server.crt'),
		metricsKey: file('metrics-server.key'),
		kubeletCert: file('kubelet.crt'),
		kubeletKey: file('kubelet.key'),
		kubeletClientCert: file('apiserver-kubelet-client.crt'),
		kubeletClientKey: file('apiserver-kubelet-client.key'),
	};
}

const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function makeCa(config: string, cert: string, key: string, cn: string): Promise<void> {
	await run('openssl', [
		'req',
		'-config',
		config,
		'-x509',
		'-new',
		...ecKey,
		'-keyout',
		key,
		'-out',
		cert,
		'-days',
		'3650',
		'-subj',
		`/CN=${cn}`,
		'-addext',
		'basicConstraints=critical,CA:TRUE',
		'-addext',
		'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
	]);
}

interface Leaf {
	readonly cert: string;
	readonly key: string;
	readonly cn: string;
	readonly usage: 'serverAuth' | 'clientAuth';
	readonly san?: string;
}

async function makeLeaf(config: string, caCert: string, caKey: string, leaf: Leaf): Promise<void> {
	const args = [
		'req',
		'-config',
		config,
		'-x509',
		'-new',
		...ecKey,
		'-keyout',
		leaf.key,
		'-out',
		leaf.cert,
		'-days',
		'3650',
		'-subj',
		`/CN=${leaf.cn}`,
		'-CA',
		caCert,
		'-CAkey',
		caKey,
		'-addext',
		'basicConstraints=critical,CA:FALSE',
		'-addext',
		'keyUsage=critical,digitalSignature,keyEncipherment',
		'-addext',
		`extendedKeyUsage=${leaf.usage}`,
	];
	if (leaf.san) args.push('-addext', `subjectAltName=${leaf.san}`);
	await run('openssl', args);
}

/** Creates whatever part of the PKI is missing (all of it on a fresh lab). */
export async function ensureClusterPki(dir: string): Promise<ClusterPki> {
	const pki = clusterPki(dir);
	if (existsSync(join(dir, 'complete'))) return pki;
	await mkdir(dir, {recursive: true});
	// openssl's default config would add CA:TRUE to every certificate; this one adds nothing.
	const config = join(dir, 'openssl.cnf');
	await writeFile(config, '[req]\ndistinguished_name=dn\n[dn]\n');
	await makeCa(config, pki.caCert, pki.caKey, 'irtop-lab-ca');
	await makeCa(
		config,
		pki.frontProxyCaCert,
		join(dir, 'front-proxy-ca.key'),
		'irtop-lab-front-proxy-ca',
	);
	await makeLeaf(config, pki.caCert, pki.caKey, {
		cert: pki.apiserverCert,
		key: pki.apiserverKey,
		cn: 'kube-apiserver',
		usage: 'serverAuth',
		san: 'DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:10.96.0.1',
	});
	await makeLeaf(config, pki.frontProxyCaCert, join(dir, 'front-proxy-ca.key'), {
		cert: pki.frontProxyClientCert,
		key: pki.frontProxyClientKey,
		cn: frontProxyClientName,
		usage: 'clientAuth',
	});
	await run('openssl', [
		'ecparam',
		'-name',
		'prime256v1',
		'-genkey',
		'-noout',
		'-out',
		pki.serviceAccountKey,
	]);
	await run('openssl', [
		'ec',
		'-in',
		pki.serviceAccountKey,
		'-pubout',
		'-out',
		pki.serviceAccountPub,
	]);
	await makeLeaf(config, pki.caCert, pki.caKey, {
		cert: pki.kubeletCert,
		key: pki.kubeletKey,
		cn: 'lab-kubelet',
		usage: 'serverAuth',
		san: 'DNS:localhost,IP:127.0.0.1',
	});
	await makeLeaf(config, pki.caCert, pki.caKey, {
		cert: pki.kubeletClientCert,
		key: pki.kubeletClientKey,
		cn: 'kube-apiserver-kubelet-client',
		usage: 'clientAuth',
	});
	await makeLeaf(config, pki.caCert, pki.caKey, {
		cert: pki.metricsCert,
		key: pki.metricsKey,
		cn: metricsServiceName,
		usage: 'serverAuth',
		san: `DNS:${metricsServiceName}.${metricsServiceNamespace}.svc,DNS:localhost,IP:127.0.0.1`,
	});
	// Written last: its presence means the whole set exists.
	await writeFile(join(dir, 'complete'), '');
	return pki;
}
