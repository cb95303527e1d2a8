// The lab's PersistentVolumeClaims, shared by the Kubernetes seed (which
// creates them, bound to PersistentVolumes) and the exporter (which serves
// the kubelet's volume stats for them, as a kubelet's /metrics does).
export interface LabVolume {
	readonly namespace: string;
	readonly name: string;
	readonly storageClass: string;
	readonly capacityGiB: number;
	/** Bytes in use, as kubelet_volume_stats_used_bytes reports them. */
	readonly usedBytes: number;
}

const gibibyte = 1024 ** 3;

/** Expansion allowed (a CSI driver that resizes online) and not allowed (local disks). */
export const labStorageClasses = [
	{name: 'lab-expandable', allowVolumeExpansion: true},
	{name: 'lab-local', allowVolumeExpansion: false},
] as const;

export const labVolumes: readonly LabVolume[] = [
	// Nearly full, and it can grow: the runbook's "Extend PVC".
	{
		namespace: 'platform-observability',
		name: 'data-postgresql-0',
		storageClass: 'lab-expandable',
		capacityGiB: 10,
		usedBytes: Math.floor(9.1 * gibibyte),
	},
	// Nearly full on a StorageClass that cannot expand: the key says why not.
	{
		namespace: 'platform-observability',
		name: 'data-prometheus-0',
		storageClass: 'lab-local',
		capacityGiB: 20,
		usedBytes: Math.floor(17.6 * gibibyte),
	},
	{
		namespace: 'business-onboarding',
		name: 'uploads',
		storageClass: 'lab-expandable',
		capacityGiB: 5,
		usedBytes: Math.floor(1.2 * gibibyte),
	},
];

/** The kubelet's series for every lab claim (Prometheus text format). */
export function renderVolumeStats(): string[] {
	const lines = [
		'# HELP kubelet_volume_stats_capacity_bytes Capacity in bytes of the volume',
		'# TYPE kubelet_volume_stats_capacity_bytes gauge',
	];
	const labels = (v: LabVolume) => `namespace="${v.namespace}",persistentvolumeclaim="${v.name}"`;
	for (const v of labVolumes)
		lines.push(`kubelet_volume_stats_capacity_bytes{${labels(v)}} ${v.capacityGiB * gibibyte}`);
	lines.push(
		'# HELP kubelet_volume_stats_used_bytes Number of used bytes in the volume',
		'# TYPE kubelet_volume_stats_used_bytes gauge',
	);
	for (const v of labVolumes)
		lines.push(`kubelet_volume_stats_used_bytes{${labels(v)}} ${v.usedBytes}`);
	return lines;
}
