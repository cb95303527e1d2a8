// PVC use from the lab's kubelet volume stats (served by the exporter,
// scraped by Prometheus) and the runbook's "Extend PVC" against the lab's
// real kube-apiserver, whose PersistentVolumeClaimResize admission is the
// witness for the StorageClass check.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {labVolumes} from '../../../scripts/lab/volumes.ts';
import {pvcUsage} from '../../../source/sources/disk/pvc-usage.ts';
import {connect} from '../../../source/sources/kubernetes/connect.ts';
import {extendPvcAction} from '../../../source/sources/kubernetes/pvc-expand.ts';
import {describeLab} from '../../support/lab.ts';
import {
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	until,
} from '../kubernetes/helpers.ts';

const signal = new AbortController().signal;

interface Claim {
	spec: {resources: {requests: {storage: string}}};
	status: {phase?: string};
}

describeLab('PVC use and extension', ['kubernetes', 'prometheus', 'exporter'], (lab) => {
	let namespace: string;
	const connection = () => connect({kubeconfig: kubeconfigOf(lab), env: {}});

	/** A 1Gi claim of our own on `storageClass`, pre-bound to its own volume. */
	async function claim(name: string, storageClass: string): Promise<void> {
		const pv = `${namespace}-${name}`;
		await kubectl(
			lab,
			['apply', '-f', '-'],
			JSON.stringify({
				apiVersion: 'v1',
				kind: 'List',
				items: [
					{
						apiVersion: 'v1',
						kind: 'PersistentVolume',
						metadata: {name: pv},
						spec: {
							capacity: {storage: '1Gi'},
							accessModes: ['ReadWriteOnce'],
							persistentVolumeReclaimPolicy: 'Delete',
							storageClassName: storageClass,
							hostPath: {path: `/tmp/${pv}`},
							claimRef: {namespace, name},
						},
					},
					{
						apiVersion: 'v1',
						kind: 'PersistentVolumeClaim',
						metadata: {name, namespace},
						spec: {
							accessModes: ['ReadWriteOnce'],
							storageClassName: storageClass,
							volumeName: pv,
							resources: {requests: {storage: '1Gi'}},
						},
					},
				],
			}),
		);
		await until(
			() => kubectlJson<Claim>(lab, ['get', 'pvc', name, '-n', namespace]),
			(c) => c.status.phase === 'Bound',
		);
	}

	beforeAll(async () => {
		namespace = await ownNamespace(lab, 'irtop-pvc');
	});
	afterAll(async () => {
		if (!namespace) return;
		await dropNamespace(lab, namespace);
		await kubectl(lab, [
			'delete',
			'pv',
			`${namespace}-grows`,
			`${namespace}-fixed`,
			'--ignore-not-found',
			'--wait=false',
		]);
	});

	it('reads every lab claim’s use and capacity as the kubelet reports them', async () => {
		const rows = await until(
			() => pvcUsage(lab.prometheus.url, signal),
			(r) => labVolumes.every((v) => r.some((p) => p.name === v.name)),
		);
		for (const v of labVolumes) {
			const row = rows.find((p) => p.namespace === v.namespace && p.name === v.name);
			const capacityBytes = v.capacityGiB * 1024 ** 3;
			expect(row, v.name).toEqual({
				namespace: v.namespace,
				name: v.name,
				usedBytes: v.usedBytes,
				capacityBytes,
				usedPercent: Math.ceil((v.usedBytes / capacityBytes) * 100),
			});
		}
		// Fullest first.
		expect(rows.map((r) => r.usedPercent)).toEqual(
			rows.map((r) => r.usedPercent).toSorted((a, b) => b - a),
		);
	});

	it('seeds bound claims the panel can act on', async () => {
		for (const v of labVolumes) {
			const seeded = await until(
				() => kubectlJson<Claim>(lab, ['get', 'pvc', v.name, '-n', v.namespace]),
				(c) => c.status.phase === 'Bound',
			);
			expect(seeded.status.phase, v.name).toBe('Bound');
		}
	});

	it('extends a claim whose StorageClass allows it, as kubectl patch does', async () => {
		await claim('grows', 'lab-expandable');
		const action = extendPvcAction(connection(), {namespace, name: 'grows'}, '2Gi');
		expect(action.command).toBe(
			`kubectl patch pvc grows -n ${namespace} -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`,
		);
		expect(await action.checkPermission?.(signal)).toEqual({allowed: true});
		const outcome = await action.run(signal);
		expect(outcome.ok, outcome.message).toBe(true);
		const after = await kubectlJson<Claim>(lab, ['get', 'pvc', 'grows', '-n', namespace]);
		expect(after.spec.resources.requests.storage).toBe('2Gi');
		// It only grows: the same size again is refused before the server is asked.
		const again = extendPvcAction(connection(), {namespace, name: 'grows'}, '2Gi');
		expect(await again.checkPermission?.(signal)).toEqual({
			allowed: false,
			reason: 'the claim already requests 2Gi: a PVC can only grow',
		});
	});

	it('is refused with the reason when the StorageClass does not allow expansion, as the API server refuses it', async () => {
		await claim('fixed', 'lab-local');
		const action = extendPvcAction(connection(), {namespace, name: 'fixed'}, '2Gi');
		expect(await action.checkPermission?.(signal)).toEqual({
			allowed: false,
			reason: 'StorageClass lab-local does not set allowVolumeExpansion',
		});
		// The witness: the API server's own admission refuses the same patch.
		const refused = await action.run(signal);
		expect(refused.ok).toBe(false);
		expect(refused.message).toMatch(/storageclass that provisions the pvc must support resize/i);
		const after = await kubectlJson<Claim>(lab, ['get', 'pvc', 'fixed', '-n', namespace]);
		expect(after.spec.resources.requests.storage).toBe('1Gi');
	});

	it('names a claim that does not exist', async () => {
		const action = extendPvcAction(connection(), {namespace, name: 'nope'}, '2Gi');
		const permission = await action.checkPermission?.(signal);
		expect(permission?.allowed).toBe(false);
		expect(permission && !permission.allowed && permission.reason).toMatch(/not found/);
	});
});
