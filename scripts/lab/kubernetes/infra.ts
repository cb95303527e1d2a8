// Cluster objects the lab needs before any seeding: who the read-only user is,
// and the registration of the lab's metrics.k8s.io stand-in.
import {readFileSync} from 'node:fs';
import type {KubeObject} from './apply.ts';
import {metricsServiceName, metricsServiceNamespace} from './certs.ts';
import {simConfigMap} from './sim-config.ts';
import {labUsers} from './tokens.ts';

const readonlySubject = [
	{apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: labUsers.readonly.name},
];

export function infraObjects(caFile: string, metricsPort: number): KubeObject[] {
	return [
		{
			apiVersion: 'rbac.authorization.k8s.io/v1',
			kind: 'ClusterRoleBinding',
			metadata: {name: 'lab-readonly-view'},
			roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view'},
			subjects: readonlySubject,
		},
		// `view` covers namespaced objects only; an on-call engineer with read
		// access also sees nodes, so the read-only user may read those too.
		{
			apiVersion: 'rbac.authorization.k8s.io/v1',
			kind: 'ClusterRole',
			metadata: {name: 'lab-node-reader'},
			rules: [{apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch']}],
		},
		{
			apiVersion: 'rbac.authorization.k8s.io/v1',
			kind: 'ClusterRoleBinding',
			metadata: {name: 'lab-readonly-node-reader'},
			roleRef: {
				apiGroup: 'rbac.authorization.k8s.io',
				kind: 'ClusterRole',
				name: 'lab-node-reader',
			},
			subjects: readonlySubject,
		},
		// As metrics-server ships it: whoever may view may read metrics.
		{
			apiVersion: 'rbac.authorization.k8s.io/v1',
			kind: 'ClusterRole',
			metadata: {
				name: 'system:aggregated-metrics-reader',
				labels: {
					'rbac.authorization.k8s.io/aggregate-to-view': 'true',
					'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
					'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
				},
			},
			rules: [
				{
					apiGroups: ['metrics.k8s.io'],
					resources: ['pods', 'nodes'],
					verbs: ['get', 'list', 'watch'],
				},
			],
		},
		// How the aggregator reaches the stand-in on loopback. Endpoints and
		// EndpointSlices reject loopback addresses (127.0.0.0/8), so a ClusterIP
		// Service with manual endpoints (--enable-aggregator-routing) cannot point
		// at 127.0.0.1, and a cluster IP would need kube-proxy. An ExternalName
		// Service can: without aggregator routing the aggregator resolves a
		// Service to https://<externalName>:<APIService port> (ResolveCluster in
		// k8s.io/apiserver/pkg/util/proxy), and its availability check looks for
		// endpoints only on ClusterIP Services. TLS is still verified: the
		// stand-in's certificate names <service>.<namespace>.svc, signed by the
		// CA in caBundle.
		{
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {
				name: metricsServiceName,
				namespace: metricsServiceNamespace,
				labels: {'app.kubernetes.io/name': 'lab-metrics-server'},
			},
			spec: {
				type: 'ExternalName',
				externalName: 'localhost',
				ports: [{name: 'https', port: metricsPort, protocol: 'TCP'}],
			},
		},
		{
			apiVersion: 'apiregistration.k8s.io/v1',
			kind: 'APIService',
			metadata: {
				name: 'v1beta1.metrics.k8s.io',
				labels: {'app.kubernetes.io/name': 'lab-metrics-server'},
			},
			spec: {
				group: 'metrics.k8s.io',
				version: 'v1beta1',
				service: {name: metricsServiceName, namespace: metricsServiceNamespace, port: metricsPort},
				caBundle: readFileSync(caFile).toString('base64'),
				groupPriorityMinimum: 100,
				versionPriority: 100,
			},
		},
	];
}

/** The simulation's live knobs, created empty (see sim-config.ts). */
export const simulationConfigMap: KubeObject = {
	apiVersion: 'v1',
	kind: 'ConfigMap',
	metadata: {name: simConfigMap.name, namespace: simConfigMap.namespace},
};
