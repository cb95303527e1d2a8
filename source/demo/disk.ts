import {dfPercent} from '../format/df.ts';
import type {DiskData, FilesystemRow} from '../model/index.ts';
import type {Story} from './story.ts';

const gibibyte = 1024 ** 3;
const mebibyte = 1024 ** 2;

function filesystem(
	mount: string,
	device: string,
	fstype: string,
	sizeGiB: number,
	usedBytes: number,
	inodesPercent: number,
): FilesystemRow {
	const sizeBytes = sizeGiB * gibibyte;
	// ext4 keeps 5 % for root: neither used nor available, as df shows it.
	const reserved = fstype === 'ext4' ? Math.round(sizeBytes * 0.05) : 0;
	const availBytes = Math.max(0, sizeBytes - reserved - usedBytes);
	return {
		mount,
		device,
		fstype,
		sizeBytes,
		usedBytes,
		availBytes,
		usedPercent: dfPercent(usedBytes, availBytes),
		inodesUsedPercent: inodesPercent,
	};
}

/** The demo cluster's claims; postgres' StorageClass allows expansion, Kafka's local disks do not. */
export const demoPvcs = [
	{
		namespace: 'platform-observability',
		name: 'data-postgresql-0',
		usedGiB: 8.7,
		growth: 0.4,
		capacityGiB: 10,
		storageClass: 'standard-expandable',
		expandable: true,
	},
	{
		namespace: 'platform-messaging',
		name: 'data-kafka-0',
		usedGiB: 21,
		growth: 0,
		capacityGiB: 50,
		storageClass: 'local-fixed',
		expandable: false,
	},
] as const;

/** Rotated logs the demo's cleanup deletes: 1.9 GiB of *.gz older than 30 days. */
export const demoRotated = {count: 37, bytes: Math.round(1.9 * gibibyte)};

/**
 * The VPS during the demo incident: the retry storm writes logs, so / creeps
 * past 85 %; /var/log holds old rotated logs the runbook's `find … -delete`
 * frees. `cleaned` is the moment the demo's cleanup ran, if it did.
 */
export function diskAt(
	story: Story,
	t: number,
	now: number,
	cleaned: number | null,
	pvcSizes: ReadonlyMap<string, number> = new Map(),
): DiskData {
	const p = story.pressure(t);
	const freed = cleaned === null ? 0 : demoRotated.bytes;
	const logs = Math.round((3.1 + 0.4 * p) * gibibyte) - freed;
	const root = Math.round(66.2 * gibibyte + 1.5 * gibibyte * p + logs);
	const measuredAt = now - 20_000;
	return {
		filesystems: [
			filesystem('/', '/dev/vda1', 'ext4', 80, root, 41),
			filesystem('/var/lib/docker', '/dev/vdb1', 'xfs', 200, Math.round(121 * gibibyte), 12),
			filesystem('/run', 'tmpfs', 'tmpfs', 2, 3 * mebibyte, 1),
		],
		directories: [
			{
				root: '/var/log',
				largest: [
					{path: '/var/log', bytes: logs},
					{path: '/var/log/journal', bytes: Math.round(logs * 0.46)},
					{path: '/var/log/nginx', bytes: Math.round(logs * 0.31)},
					{path: '/var/log/containers', bytes: Math.round(logs * 0.17)},
					{path: '/var/log/apt', bytes: 42 * mebibyte},
				],
				complete: true,
				measuredAt,
			},
		],
		rotatedLogs: {
			root: '/var/log',
			olderThanDays: 30,
			count: cleaned === null ? demoRotated.count : 0,
			bytes: cleaned === null ? demoRotated.bytes : 0,
			complete: true,
			measuredAt,
		},
		pvcs: demoPvcs
			.map((pvc) => {
				const usedBytes = Math.round((pvc.usedGiB + pvc.growth * p) * gibibyte);
				const capacityBytes =
					pvcSizes.get(`${pvc.namespace}/${pvc.name}`) ?? pvc.capacityGiB * gibibyte;
				return {
					namespace: pvc.namespace,
					name: pvc.name,
					usedBytes,
					capacityBytes,
					usedPercent: Math.ceil((usedBytes / capacityBytes) * 100),
				};
			})
			.sort((a, b) => b.usedPercent - a.usedPercent),
	};
}
