import {readFile} from 'node:fs/promises';
import type {Action} from '../../actions/action.ts';
import type {DiskConfig} from '../../config/schema-disk.ts';
import type {Source} from '../../engine/source.ts';
import type {DirectoryScan, DiskData, RotatedLogs} from '../../model/index.ts';
import {SourceError} from '../shared/http.ts';
import {readFilesystems} from './filesystems.ts';
import {mountPoints} from './mountinfo.ts';
import {pvcUsage} from './pvc-usage.ts';
import {deleteRotatedLogsAction, type RotatedFound} from './rotated-logs.ts';
import {scan} from './scan.ts';
import {errorCode} from './walk.ts';

const pvcTimeoutMs = 2500;

export interface DiskSourceOptions {
	/** Another mountinfo file (tests); /proc/self/mountinfo by default. */
	readonly mountinfo?: string;
	/** Milliseconds between background directory scans. */
	readonly scanEveryMs?: number;
	/** Where the kubelet's volume stats are (PVC use); without it PVC use is unknown. */
	readonly prometheusUrl?: string;
}

/**
 * The host's disks, as the runbook's `df -h`, `du -h … | sort -rh | head` and
 * `find /var/log -name "*.gz" -mtime +30` see them. df's numbers are read on
 * every poll (a statfs per mount); the directory walk is slow on a big tree,
 * so it runs in the background with a time budget and the poll returns the
 * last finished measurement: the panel never waits for it.
 */
export class DiskSource implements Source<'disk'> {
	readonly id = 'disk';
	readonly intervalMs = 5000;
	readonly timeoutMs = 4000;
	readonly #config: DiskConfig;
	readonly #options: DiskSourceOptions;
	readonly #stop = new AbortController();
	#directories: DirectoryScan[] | null = null;
	#rotated: RotatedLogs | null = null;
	#found: RotatedFound | null = null;
	#scanning: Promise<void> | null = null;
	#lastScanAt = Number.NEGATIVE_INFINITY;
	#changed: (() => void) | undefined;

	constructor(config: DiskConfig, options: DiskSourceOptions = {}) {
		this.#config = config;
		this.#options = options;
	}

	watch(changed: () => void): void {
		this.#changed = changed;
	}

	async poll(signal: AbortSignal): Promise<DiskData> {
		this.#scanIfDue();
		const pvcs = this.#pvcs(signal);
		let filesystems: Awaited<ReturnType<typeof readFilesystems>>;
		try {
			filesystems = await readFilesystems({mountinfo: this.#options.mountinfo});
		} catch (error) {
			throw new SourceError(`cannot read the mount table: ${errorCode(error)}`);
		}
		return {
			filesystems: filesystems.rows,
			...(filesystems.unreadable.length > 0 ? {unreadable: filesystems.unreadable} : {}),
			directories: this.#directories,
			rotatedLogs: this.#rotated,
			...(await pvcs),
		};
	}

	// Prometheus down is the PVC section's state, not the host's: df's rows stay.
	async #pvcs(signal: AbortSignal): Promise<Pick<DiskData, 'pvcs' | 'pvcsError'>> {
		const url = this.#options.prometheusUrl;
		if (!url) return {pvcs: null};
		try {
			// A slow Prometheus must not hold back df's rows: its own, shorter deadline.
			const deadline = AbortSignal.any([signal, AbortSignal.timeout(pvcTimeoutMs)]);
			return {pvcs: await pvcUsage(url, deadline)};
		} catch (error) {
			return {pvcs: null, pvcsError: (error as Error).message};
		}
	}

	/** Measures again now (after a cleanup), unless a scan is already running. */
	rescan(): Promise<void> {
		this.#lastScanAt = Number.NEGATIVE_INFINITY;
		this.#scanIfDue();
		return this.#scanning ?? Promise.resolve();
	}

	/** The runbook's cleanup of what the last scan found; null before the first scan finished. */
	deleteRotatedLogs(): Action | null {
		const found = this.#found;
		return found ? deleteRotatedLogsAction(found, () => void this.rescan()) : null;
	}

	async close(): Promise<void> {
		this.#stop.abort();
		await this.#scanning;
	}

	#scanIfDue(): void {
		const every = this.#options.scanEveryMs ?? 60_000;
		if (this.#scanning || Date.now() - this.#lastScanAt < every || this.#stop.signal.aborted)
			return;
		this.#lastScanAt = Date.now();
		const plan = {
			paths: this.#config.paths,
			rotatedLogs: this.#config.rotatedLogs,
			rotatedDays: this.#config.rotatedDays,
			budgetMs: this.#config.budgetSeconds * 1000,
		};
		this.#scanning = readFile(this.#options.mountinfo ?? '/proc/self/mountinfo', 'utf8')
			.then(mountPoints, () => undefined)
			.then((mounts) => scan({...plan, mounts}, this.#stop.signal))
			.then((result) => {
				this.#directories = result.directories;
				this.#rotated = result.rotated;
				this.#found = result.found;
				this.#changed?.();
			})
			.catch(() => {
				// scan reports unreadable paths in its result; anything else is retried next time.
			})
			.finally(() => {
				this.#scanning = null;
			});
	}
}
