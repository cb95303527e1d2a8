import {
	ApiException,
	HttpMethod,
	type KubeConfig,
	type KubernetesListObject,
	type KubernetesObject,
	RequestContext,
} from '@kubernetes/client-node';
import {fetch} from 'undici';

/**
 * A list call whose items stay the plain objects JSON.parse made, as the
 * client's watch already delivers them. The generated list methods turn every
 * item into model classes, with a Date per timestamp: on a 15,000-object
 * cluster that took a third of the first frame's time and about 10 MiB more
 * heap, for fields irtop reads the same either way (see time.ts's `epoch`).
 * Authentication, TLS and errors are the client's own (the same ApiException).
 */
export async function listRaw<T extends KubernetesObject>(
	kc: KubeConfig,
	path: string,
): Promise<KubernetesListObject<T>> {
	const cluster = kc.getCurrentCluster();
	if (!cluster) throw new Error('No currently active cluster');
	const context = new RequestContext(cluster.server + path, HttpMethod.GET);
	context.setHeaderParam('Accept', 'application/json');
	await kc.applySecurityAuthentication(context);
	const response = await fetch(context.getUrl(), {
		headers: context.getHeaders(),
		dispatcher: context.getDispatcher(),
	});
	const body = await response.text();
	if (!response.ok) {
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		throw new ApiException(response.status, response.statusText || 'list failed', body, headers);
	}
	return JSON.parse(body) as KubernetesListObject<T>;
}
