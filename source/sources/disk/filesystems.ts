import {readFile, stat, statfs} from 'node:fs/promises';
import type {FilesystemRow} from '../../model/index.ts';
import {filesystemRow, type StatfsNumbers} from './df.ts';
import {type MountEntry, parseMountinfo} from './mountinfo.ts';

/**
 * df keeps one row per device (gnulib's filter_mount_list): a bind mount or
 * a filesystem mounted twice is one row. The survivor is, as in df, the one
 * whose source looks like a device path, else the one nearer the root
 * (unless it shows a deeper part of the filesystem), else a later mount on
 * the same directory (which hides the earlier one).
 */
function replaces(next: MountEntry, kept: MountEntry): boolean {
	if (next.device.includes('/') && !kept.device.includes('/')) return true;
	const nearerRoot = kept.mount.length > next.mount.length;
	const belowRoot = kept.root.length < next.root.length;
	if (nearerRoot && !belowRoot) return true;
	return kept.mount === next.mount && kept.device !== next.device;
}

export interface FilesystemOptions {
	readonly mountinfo?: string;
	/** How long one statfs may take: a hung NFS server must not hang the panel. */
	readonly timeoutMs?: number;
}

/**
 * statfs and stat run on libuv's thread pool (four threads by default) and
 * cannot be cancelled: a mount whose server hangs keeps its call stuck. Each
 * is asked again only once that call returned, so a dead NFS mount costs one
 * thread per call kind, not one per poll, and the pool never runs dry.
 */
const inFlight = new Map<string, Promise<unknown>>();

function once<T>(key: string, call: () => Promise<T>): Promise<T> {
	const running = inFlight.get(key);
	if (running) return running as Promise<T>;
	const started = call().finally(() => inFlight.delete(key));
	inFlight.set(key, started);
	return started;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Filesystems {
	readonly rows: FilesystemRow[];
	/** Mounts statfs could not read (hung, permission), with the reason. */
	readonly unreadable: readonly {mount: string; reason: string}[];
}

/** Every real filesystem, with df's numbers. Zero-sized ones are left out, as df does without -a. */
export async function readFilesystems(options: FilesystemOptions = {}): Promise<Filesystems> {
	const text = await readFile(options.mountinfo ?? '/proc/self/mountinfo', 'utf8');
	const timeoutMs = options.timeoutMs ?? 2000;
	const entries = parseMountinfo(text);
	const measured = await Promise.all(
		entries.map(async (entry) => {
			try {
				const [stats, info] = await Promise.all([
					within(
						once(`statfs ${entry.mount}`, () => statfs(entry.mount)),
						timeoutMs,
					),
					within(
						once(`stat ${entry.mount}`, () => stat(entry.mount)),
						timeoutMs,
					),
				]);
				return {entry, stats, dev: info.dev};
			} catch (error) {
				return {entry, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message};
			}
		}),
	);
	const byDevice = new Map<number, {entry: MountEntry; stats: StatfsNumbers}>();
	const order: {entry: MountEntry; stats: StatfsNumbers}[] = [];
	const unreadable: {mount: string; reason: string}[] = [];
	for (const item of measured) {
		if (!('stats' in item) || !item.stats) {
			unreadable.push({mount: item.entry.mount, reason: item.reason ?? 'unreadable'});
			continue;
		}
		if (item.stats.blocks === 0) continue;
		const current = {entry: item.entry, stats: item.stats};
		const kept = byDevice.get(item.dev);
		if (!kept) {
			byDevice.set(item.dev, current);
			order.push(current);
		} else if (replaces(item.entry, kept.entry)) {
			byDevice.set(item.dev, current);
			order[order.indexOf(kept)] = current;
		}
	}
	return {rows: order.map(({entry, stats}) => filesystemRow(entry, stats)), unreadable};
}
