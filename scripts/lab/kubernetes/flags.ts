// Command lines of the control plane's processes. Everything listens on
// 127.0.0.1 only; the ports come from the lab's port table.
import {join} from 'node:path';
import {frontProxyClientName} from './certs.ts';
import type {KubernetesLayout} from './layout.ts';

export function kineArgs(layout: KubernetesLayout): string[] {
	return [
		`--listen-address=127.0.0.1:${layout.ports.kine}`,
		// SQLite in WAL mode: one file, no separate database server to run.
		`--endpoint=sqlite://${join(layout.kineDir, 'state.db')}?_journal=WAL&cache=shared&_busy_timeout=30000`,
		// kine's own metrics listener defaults to :8080; the lab does not need it.
		'--metrics-bind-address=0',
	];
}

export function apiserverArgs(layout: KubernetesLayout): string[] {
	const pki = layout.pki;
	return [
		`--etcd-servers=http://127.0.0.1:${layout.ports.kine}`,
		'--bind-address=127.0.0.1',
		`--secure-port=${layout.ports.apiserver}`,
		// Without it the apiserver advertises the host's default interface, which
		// a machine without a default route does not have.
		'--advertise-address=127.0.0.1',
		// No real network: nothing should publish 127.0.0.1 as the endpoints of
		// the `kubernetes` Service (Endpoints reject loopback addresses anyway).
		'--endpoint-reconciler-type=none',
		`--tls-cert-file=${pki.apiserverCert}`,
		`--tls-private-key-file=${pki.apiserverKey}`,
		`--client-ca-file=${pki.caCert}`,
		`--token-auth-file=${layout.tokens}`,
		'--authorization-mode=RBAC',
		'--anonymous-auth=false',
		'--allow-privileged=true',
		'--service-cluster-ip-range=10.96.0.0/16',
		'--service-account-issuer=https://kubernetes.default.svc.cluster.local',
		`--service-account-key-file=${pki.serviceAccountPub}`,
		`--service-account-signing-key-file=${pki.serviceAccountKey}`,
		// The aggregation layer (front proxy) for the lab's metrics.k8s.io stand-in:
		// the apiserver authenticates to it with this client certificate and tells
		// it who the user is in these headers.
		`--requestheader-client-ca-file=${pki.frontProxyCaCert}`,
		`--requestheader-allowed-names=${frontProxyClientName}`,
		'--requestheader-username-headers=X-Remote-User',
		'--requestheader-group-headers=X-Remote-Group',
		'--requestheader-extra-headers-prefix=X-Remote-Extra-',
		`--proxy-client-cert-file=${pki.frontProxyClientCert}`,
		`--proxy-client-key-file=${pki.frontProxyClientKey}`,
		// `kubectl logs` goes apiserver -> kubelet: the lab's nodes keep their
		// (unreachable) 10.0.0.x InternalIPs for display, and report InternalDNS
		// `localhost` and the fake kubelet's port for the apiserver to dial,
		// over TLS both ways.
		'--kubelet-preferred-address-types=InternalDNS',
		`--kubelet-certificate-authority=${pki.caCert}`,
		`--kubelet-client-certificate=${pki.kubeletClientCert}`,
		`--kubelet-client-key=${pki.kubeletClientKey}`,
		// Seeded events should outlive a working day of drills (default 1h).
		'--event-ttl=24h',
		'--profiling=false',
	];
}

export function controllerManagerArgs(layout: KubernetesLayout): string[] {
	const pki = layout.pki;
	return [
		`--kubeconfig=${layout.controllerManagerKubeconfig}`,
		// No health endpoint needed (the default port 10257 could be taken), and
		// one controller manager needs no leader election: it starts at once.
		'--secure-port=0',
		'--leader-elect=false',
		// As kubeadm runs it: each controller acts as its own service account.
		'--use-service-account-credentials=true',
		`--service-account-private-key-file=${pki.serviceAccountKey}`,
		`--root-ca-file=${pki.caCert}`,
		'--cluster-name=irtop-lab',
		// No kubelet heartbeats here: the node lifecycle controller would mark
		// every node Unknown within a minute and evict pods from them. The lab's
		// fake kubelet and scenarios own node conditions instead.
		'--controllers=*,-nodelifecycle',
	];
}
