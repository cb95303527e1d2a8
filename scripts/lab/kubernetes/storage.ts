// StorageClasses, PersistentVolumes and PersistentVolumeClaims for the
// runbook's "Extend PVC". Each claim names its volume, so the controller
// manager's PV binder binds it (a claim must be Bound to be resized). Claims
// are created once and never re-applied: a claim that a test extended cannot
// be shrunk back (the API server refuses), and need not be.
import {labStorageClasses, labVolumes} from '../volumes.ts';
import type {KubeClient} from './client.ts';

const applyAt = (client: KubeClient, path: string, object: unknown) =>
	client.request(
		'PATCH',
		`${path}?fieldManager=irtop-lab&force=true`,
		object,
		'application/apply-patch+yaml',
	);

const pvName = (v: {namespace: string; name: string}) => `lab-pv-${v.namespace}-${v.name}`;

export const pvcPath = (namespace: string, name: string) =>
	`/api/v1/namespaces/${namespace}/persistentvolumeclaims/${name}`;

export async function seedStorage(client: KubeClient): Promise<void> {
	for (const sc of labStorageClasses) {
		await applyAt(client, `/apis/storage.k8s.io/v1/storageclasses/${sc.name}`, {
			apiVersion: 'storage.k8s.io/v1',
			kind: 'StorageClass',
			metadata: {name: sc.name},
			provisioner: 'lab.irtop.dev/hostpath',
			reclaimPolicy: 'Retain',
			volumeBindingMode: 'Immediate',
			...(sc.allowVolumeExpansion ? {allowVolumeExpansion: true} : {}),
		});
	}
	for (const v of labVolumes) {
		await applyAt(client, `/api/v1/persistentvolumes/${pvName(v)}`, {
			apiVersion: 'v1',
			kind: 'PersistentVolume',
			metadata: {name: pvName(v)},
			spec: {
				// The claim's size: the binder reports it as the claim's capacity, as a provisioner would.
				capacity: {storage: `${v.capacityGiB}Gi`},
				accessModes: ['ReadWriteOnce'],
				persistentVolumeReclaimPolicy: 'Retain',
				storageClassName: v.storageClass,
				hostPath: {path: `/var/lib/irtop-lab/${v.namespace}/${v.name}`},
				claimRef: {namespace: v.namespace, name: v.name},
			},
		});
		try {
			await client.get(pvcPath(v.namespace, v.name));
			continue;
		} catch (error) {
			if ((error as {code?: number}).code !== 404) throw error;
		}
		await applyAt(client, pvcPath(v.namespace, v.name), {
			apiVersion: 'v1',
			kind: 'PersistentVolumeClaim',
			metadata: {name: v.name, namespace: v.namespace},
			spec: {
				accessModes: ['ReadWriteOnce'],
				storageClassName: v.storageClass,
				volumeName: pvName(v),
				resources: {requests: {storage: `${v.capacityGiB}Gi`}},
			},
		});
	}
}
