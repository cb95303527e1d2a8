// The runbook's "Extend PVC" (`kubectl edit pvc`, then a larger storage
// request) as the one equivalent patch. The API server's admission plugin
// PersistentVolumeClaimResize refuses it unless the claim's StorageClass sets
// allowVolumeExpansion, so that is checked first and shown as the reason.
import {CoreV1Api, PatchStrategy, StorageV1Api, setHeaderOptions} from '@kubernetes/client-node';
import type {Action, Permission} from '../../actions/action.ts';
import type {PvcRef} from '../../actions/mitigations.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import type {Connection} from './connect.ts';
import {attempt} from './outcome.ts';
import {checkAccess} from './permission.ts';
import {quantity} from './quantity.ts';
import {describeError} from './watched.ts';

/** `kubectl patch pvc NAME -n NS -p '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}'`. */
export const extendPvcCommand = (ref: PvcRef, size: string): string =>
	`kubectl patch pvc ${ref.name} -n ${ref.namespace} -p '${JSON.stringify(storagePatch(size))}'`;

const storagePatch = (size: string) => ({spec: {resources: {requests: {storage: size}}}});

/** Why this claim cannot grow to `size`, read from the claim and its StorageClass; null when it can. */
async function refusal(connection: Connection, ref: PvcRef, size: string): Promise<string | null> {
	const core = connection.kc.makeApiClient(CoreV1Api);
	const storage = connection.kc.makeApiClient(StorageV1Api);
	const pvc = await core.readNamespacedPersistentVolumeClaim({
		name: ref.name,
		namespace: ref.namespace,
	});
	const current = pvc.spec?.resources?.requests?.storage;
	const wanted = quantity(size);
	const had = quantity(current);
	if (wanted !== null && had !== null && wanted <= had)
		return `the claim already requests ${current}: a PVC can only grow`;
	const className = pvc.spec?.storageClassName;
	if (!className) return 'the claim has no StorageClass, so it cannot be expanded';
	const sc = await storage.readStorageClass({name: className});
	if (sc.allowVolumeExpansion !== true)
		return `StorageClass ${sanitizeLine(className)} does not set allowVolumeExpansion`;
	if (pvc.status?.phase !== 'Bound')
		return `the claim is ${sanitizeLine(pvc.status?.phase ?? 'not bound')}: only a bound claim can grow`;
	return null;
}

export function extendPvcAction(connection: Connection, ref: PvcRef, size: string): Action {
	const core = connection.kc.makeApiClient(CoreV1Api);
	return {
		id: 'extend-pvc',
		title: `Extend PVC to ${size}`,
		target: {context: connection.context, namespace: ref.namespace, object: `pvc/${ref.name}`},
		command: extendPvcCommand(ref, size),
		details: ['The volume grows online when its CSI driver supports it; it never shrinks.'],
		checkPermission: async (signal): Promise<Permission> => {
			try {
				const why = await refusal(connection, ref, size);
				if (why) return {allowed: false, reason: why};
			} catch (error) {
				return {allowed: false, reason: describeError(error)};
			}
			return checkAccess(
				connection.kc,
				[
					{
						verb: 'patch',
						resource: 'persistentvolumeclaims',
						namespace: ref.namespace,
						name: ref.name,
					},
				],
				signal,
			);
		},
		run: () =>
			attempt(async () => {
				const patched = await core.patchNamespacedPersistentVolumeClaim(
					{name: ref.name, namespace: ref.namespace, body: storagePatch(size)},
					setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
				);
				const capacity = patched.status?.capacity?.storage;
				return `requests ${patched.spec?.resources?.requests?.storage ?? size}${capacity ? ` (capacity ${capacity} until the volume is resized)` : ''}`;
			}),
	};
}
