import type {KubeConfig} from '@kubernetes/client-node';
import type {MitigationName} from '../../actions/mitigations.ts';
import {type Access, checkAccess} from './permission.ts';

/** How often the answers are asked again: RBAC changes during an incident too. */
const refreshMs = 5 * 60_000;

/**
 * What the current user may do in the namespace in view, asked once up front
 * (SelfSubjectAccessReviews) so a forbidden key can be shown disabled before
 * it is pressed. Pressing still checks the exact object.
 */
export class PermissionCache {
	readonly #kc: KubeConfig;
	readonly #needs: ReadonlyMap<MitigationName, readonly Access[]>;
	readonly #denied = new Map<MitigationName, string>();
	#timer: ReturnType<typeof setInterval> | undefined;

	/** `namespace` null: every namespace (-A), so the question is cluster-wide. */
	constructor(kc: KubeConfig, namespace: string | null, rateLimitNamespace: string) {
		this.#kc = kc;
		const ns = namespace ?? '';
		const deployments: Access = {
			verb: 'patch',
			group: 'apps',
			resource: 'deployments',
			namespace: ns,
		};
		this.#needs = new Map<MitigationName, readonly Access[]>([
			['restartDeployment', [deployments]],
			['undoDeployment', [deployments]],
			['circuitBreaker', [deployments]],
			['setMemoryLimit', [deployments]],
			['scaleDeployment', [{...deployments, subresource: 'scale'}]],
			['deletePod', [{verb: 'delete', resource: 'pods', namespace: ns}]],
			[
				'restartWorkload',
				[
					{...deployments, resource: 'statefulsets'},
					{...deployments, resource: 'daemonsets'},
				],
			],
			['scaleStatefulSet', [{...deployments, resource: 'statefulsets', subresource: 'scale'}]],
			[
				'renewCertificate',
				[{verb: 'delete', group: 'cert-manager.io', resource: 'certificates', namespace: ns}],
			],
			[
				'rateLimit',
				[
					{verb: 'patch', resource: 'configmaps', namespace: rateLimitNamespace},
					{...deployments, namespace: rateLimitNamespace},
				],
			],
		]);
	}

	start(): void {
		void this.#check();
		this.#timer = setInterval(() => void this.#check(), refreshMs);
		this.#timer.unref();
	}

	denied(name: MitigationName): string | null {
		return this.#denied.get(name) ?? null;
	}

	async #check(): Promise<void> {
		await Promise.all(
			[...this.#needs].map(async ([name, needs]) => {
				const permission = await checkAccess(this.#kc, needs);
				if (permission.allowed) this.#denied.delete(name);
				else this.#denied.set(name, permission.reason);
			}),
		);
	}

	close(): void {
		clearInterval(this.#timer);
	}
}
