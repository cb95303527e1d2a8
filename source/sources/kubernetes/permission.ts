import {AuthorizationV1Api, type KubeConfig} from '@kubernetes/client-node';
import type {Permission} from '../../actions/action.ts';
import {describeError} from './watched.ts';

export interface Access {
	readonly verb: string;
	readonly resource: string;
	readonly group?: string;
	readonly subresource?: string;
	readonly namespace: string;
	readonly name?: string;
}

function spelled(access: Access): string {
	const resource = access.group ? `${access.resource}.${access.group}` : access.resource;
	return `${access.verb} ${resource}${access.subresource ? `/${access.subresource}` : ''}`;
}

/**
 * Asks the API server, as `kubectl auth can-i` does, whether the current user
 * may do each of these (a SelfSubjectAccessReview each). A failed review is a
 * refusal with the server's reason, never an exception.
 */
export async function checkAccess(
	kc: KubeConfig,
	needs: readonly Access[],
	_signal?: AbortSignal,
): Promise<Permission> {
	const api = kc.makeApiClient(AuthorizationV1Api);
	for (const access of needs) {
		try {
			const review = await api.createSelfSubjectAccessReview({
				body: {
					spec: {
						resourceAttributes: {
							verb: access.verb,
							group: access.group ?? '',
							resource: access.resource,
							subresource: access.subresource,
							namespace: access.namespace,
							name: access.name,
						},
					},
				},
			});
			if (!review.status?.allowed) {
				const why = review.status?.reason ? ` (${review.status.reason})` : '';
				return {
					allowed: false,
					reason: `${kc.getCurrentUser()?.name ?? 'you'} cannot ${spelled(access)} in namespace ${access.namespace}${why}`,
				};
			}
		} catch (error) {
			return {allowed: false, reason: `permission check failed: ${describeError(error)}`};
		}
	}
	return {allowed: true};
}
