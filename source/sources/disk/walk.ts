import type {Dirent} from 'node:fs';
import {lstat, opendir} from 'node:fs/promises';
import {join} from 'node:path';

/** A file the walk saw, for whoever asks (rotated logs). */
export interface SeenFile {
	readonly path: string;
	readonly name: string;
	readonly size: number;
	readonly mtimeMs: number;
	readonly dev: number;
	readonly ino: number;
}

export interface WalkResult {
	/** Allocated bytes per directory, its subdirectories included (`du`'s numbers). */
	readonly sizes: ReadonlyMap<string, number>;
	/** False when the budget or the signal stopped the walk early. */
	readonly complete: boolean;
	/** Why the root itself could not be read. */
	readonly error?: string;
}

export interface WalkOptions {
	/** Wall-clock milliseconds the walk may take; it then returns what it has. */
	readonly budgetMs: number;
	readonly signal?: AbortSignal;
	/** Called for every non-directory entry (files, symlinks: never followed). */
	readonly onFile?: (file: SeenFile) => void;
	/**
	 * Mount points not to enter (other filesystems below the root): a hung
	 * NFS mount would leave its lstat calls stuck in libuv's thread pool.
	 */
	readonly skip?: ReadonlySet<string>;
	readonly now?: () => number;
}

const batch = 64;

/**
 * `du PATH` without blocking: asynchronous reads in small batches, so the
 * event loop (the UI) gets a turn between them, and a deadline after which
 * the sizes are partial rather than late. Symlinks are not followed and a
 * hard-linked file counts once, as in du; mount points in `skip` are not
 * entered (du -x, find -xdev). Unreadable subdirectories are
 * skipped (du reports them and goes on).
 */
export async function walk(root: string, options: WalkOptions): Promise<WalkResult> {
	const now = options.now ?? Date.now;
	const deadline = now() + options.budgetMs;
	const sizes = new Map<string, number>();
	const seen = new Set<string>();
	let complete = true;
	const stop = () => {
		if (now() > deadline || options.signal?.aborted) complete = false;
		return !complete;
	};

	const visit = async (dir: string, ancestors: readonly string[]): Promise<void> => {
		const chain = [...ancestors, dir];
		let handle: Awaited<ReturnType<typeof opendir>>;
		try {
			handle = await opendir(dir, {bufferSize: batch});
		} catch (error) {
			if (ancestors.length === 0) throw error;
			return;
		}
		const subdirs: string[] = [];
		let pending: Dirent[] = [];
		const measure = async (all: Dirent[]) => {
			const entries = options.skip ? all.filter((e) => !options.skip?.has(join(dir, e.name))) : all;
			const stats = await Promise.all(
				entries.map((entry) => lstat(join(dir, entry.name)).catch(() => null)),
			);
			for (const [i, info] of stats.entries()) {
				const entry = entries[i];
				if (!info || !entry) continue;
				const path = join(dir, entry.name);
				if (info.isDirectory()) {
					subdirs.push(path);
					add([...chain, path], info.blocks * 512);
					continue;
				}
				const id = `${info.dev}:${info.ino}`;
				if (info.nlink > 1 && seen.has(id)) continue;
				if (info.nlink > 1) seen.add(id);
				add(chain, info.blocks * 512);
				options.onFile?.({
					path,
					name: entry.name,
					size: info.size,
					mtimeMs: info.mtimeMs,
					dev: info.dev,
					ino: info.ino,
				});
			}
		};
		try {
			for await (const entry of handle) {
				pending.push(entry);
				if (pending.length < batch) continue;
				await measure(pending);
				pending = [];
				if (stop()) return;
			}
			await measure(pending);
		} catch {
			// A directory removed or made unreadable while being read: what was read counts.
		}
		for (const sub of subdirs) {
			if (stop()) return;
			await visit(sub, chain);
		}
	};

	const add = (chain: readonly string[], bytes: number) => {
		for (const dir of chain) sizes.set(dir, (sizes.get(dir) ?? 0) + bytes);
	};

	try {
		const info = await lstat(root);
		sizes.set(root, info.blocks * 512);
		if (!info.isDirectory()) return {sizes, complete: true};
		await visit(root, []);
	} catch (error) {
		return {sizes: new Map(), complete: false, error: errorCode(error)};
	}
	return {sizes, complete: complete && !options.signal?.aborted};
}

export const errorCode = (error: unknown): string =>
	(error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The root and its largest directories, biggest first (`du PATH | sort -rn | head -N`). */
export function largest(sizes: ReadonlyMap<string, number>, count: number) {
	return [...sizes]
		.map(([path, bytes]) => ({path, bytes}))
		.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
		.slice(0, count);
}
