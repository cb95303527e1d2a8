// Server-side apply of plain objects: one PATCH creates or updates, so seeding
// is idempotent without reading first. Field manager `irtop-lab`.
import type {Json, KubeClient} from './client.ts';

// Plural resource names of the kinds the lab writes.
const plurals: Record<string, string> = {
	Namespace: 'namespaces',
	Node: 'nodes',
	Pod: 'pods',
	Service: 'services',
	ServiceAccount: 'serviceaccounts',
	ConfigMap: 'configmaps',
	Event: 'events',
	Deployment: 'deployments',
	StatefulSet: 'statefulsets',
	DaemonSet: 'daemonsets',
	ClusterRole: 'clusterroles',
	ClusterRoleBinding: 'clusterrolebindings',
	APIService: 'apiservices',
	CustomResourceDefinition: 'customresourcedefinitions',
	Certificate: 'certificates',
};

export interface KubeObject {
	apiVersion: string;
	kind: string;
	metadata: {name: string; namespace?: string; [key: string]: unknown};
	[key: string]: unknown;
}

/** The REST path of a named object, e.g. /apis/apps/v1/namespaces/x/deployments/y. */
export function objectPath(
	apiVersion: string,
	kind: string,
	name: string,
	namespace?: string,
): string {
	const plural = plurals[kind];
	if (!plural) throw new Error(`apply: no plural known for ${kind}`);
	const group = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
	return `${group}${namespace ? `/namespaces/${namespace}` : ''}/${plural}/${encodeURIComponent(name)}`;
}

export function pathOf(object: KubeObject): string {
	return objectPath(
		object.apiVersion,
		object.kind,
		object.metadata.name,
		object.metadata.namespace,
	);
}

export function apply<T = Json>(
	client: KubeClient,
	object: KubeObject,
	subresource?: 'status',
): Promise<T> {
	const path = `${pathOf(object)}${subresource ? `/${subresource}` : ''}?fieldManager=irtop-lab&force=true`;
	return client.request<T>('PATCH', path, object, 'application/apply-patch+yaml');
}

export async function applyAll(client: KubeClient, objects: readonly KubeObject[]): Promise<void> {
	for (const object of objects) await apply(client, object);
}

/** Deletes an object; absent is fine. */
export async function removeIfPresent(
	client: KubeClient,
	path: string,
	body?: unknown,
): Promise<void> {
	try {
		await client.remove(path, body);
	} catch (error) {
		if ((error as {code?: number}).code !== 404) throw error;
	}
}
