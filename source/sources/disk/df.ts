import {dfPercent} from '../../format/df.ts';
import type {FilesystemRow} from '../../model/index.ts';
import type {MountEntry} from './mountinfo.ts';

/**
 * The statfs numbers df uses (node's fs.statfs: counts in blocks of `bsize`
 * bytes). Node reports statfs(2)'s f_bsize where df multiplies by statvfs'
 * f_frsize; they are the same on ext4, xfs, btrfs and tmpfs (the test holds
 * every mount of the machine against df), and may differ on some network
 * filesystems.
 */
export interface StatfsNumbers {
	readonly bsize: number;
	readonly blocks: number;
	readonly bfree: number;
	readonly bavail: number;
	readonly files: number;
	readonly ffree: number;
}

/** One row as `df -B1 --output=source,fstype,size,used,avail,pcent,ipcent,target` prints it. */
export function filesystemRow(entry: MountEntry, stats: StatfsNumbers): FilesystemRow {
	const usedBlocks = stats.blocks - stats.bfree;
	const usedInodes = stats.files - stats.ffree;
	return {
		mount: entry.mount,
		device: entry.device,
		fstype: entry.fstype,
		sizeBytes: stats.blocks * stats.bsize,
		usedBytes: usedBlocks * stats.bsize,
		availBytes: stats.bavail * stats.bsize,
		usedPercent: dfPercent(usedBlocks, stats.bavail),
		inodesUsedPercent: stats.files > 0 ? dfPercent(usedInodes, stats.ffree) : null,
	};
}
