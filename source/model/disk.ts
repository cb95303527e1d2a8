/** One mounted filesystem as `df` shows it: bytes from statfs, percentages rounded up like df. */
export interface FilesystemRow {
	readonly mount: string;
	readonly device: string;
	readonly fstype: string;
	readonly sizeBytes: number;
	/** blocks − bfree, as df counts it (the root-reserved blocks are neither used nor available). */
	readonly usedBytes: number;
	/** bavail: what an unprivileged process can still write. */
	readonly availBytes: number;
	/** df's Use%: used / (used + avail), rounded up; null when both are 0. */
	readonly usedPercent: number | null;
	/** df -i's IUse%, rounded up; null when the filesystem has no inode count (btrfs, some FUSE). */
	readonly inodesUsedPercent: number | null;
}

export interface DirectoryUsage {
	readonly path: string;
	/** Allocated bytes under it, as `du` counts them (hard links once). */
	readonly bytes: number;
}

/** One configured path measured in the background (`du -h PATH | sort -rh | head`). */
export interface DirectoryScan {
	readonly root: string;
	/** The root first, then its largest directories at any depth, biggest first. */
	readonly largest: readonly DirectoryUsage[];
	/** False when the time budget ran out: the sizes are at least these. */
	readonly complete: boolean;
	readonly measuredAt: number;
	/** Why the path could not be read (ENOENT, EACCES); the sizes are then empty. */
	readonly error?: string;
}

/** Rotated logs the runbook deletes: `find PATH -name "*.gz" -mtime +DAYS`. */
export interface RotatedLogs {
	readonly root: string;
	readonly olderThanDays: number;
	readonly count: number;
	readonly bytes: number;
	readonly complete: boolean;
	readonly measuredAt: number;
	readonly error?: string;
}

/** A PersistentVolumeClaim's use, from the kubelet's volume stats in Prometheus. */
export interface PvcUsage {
	readonly namespace: string;
	readonly name: string;
	readonly usedBytes: number;
	readonly capacityBytes: number;
	readonly usedPercent: number;
}

export interface DiskData {
	readonly filesystems: readonly FilesystemRow[];
	/** Mounts whose statfs failed or hung (a dead NFS server), with the reason; df says the same. */
	readonly unreadable?: readonly {readonly mount: string; readonly reason: string}[];
	/** Per configured path; null until the first background scan finished. */
	readonly directories: readonly DirectoryScan[] | null;
	readonly rotatedLogs: RotatedLogs | null;
	/** null: no Prometheus configured, so PVC use is unknown. */
	readonly pvcs: readonly PvcUsage[] | null;
	readonly pvcsError?: string;
}
