import {access, constants, lstat, unlink} from 'node:fs/promises';
import {dirname} from 'node:path';
import type {Action, Permission} from '../../actions/action.ts';
import {formatBytes} from '../../format/numbers.ts';
import type {SeenFile} from './walk.ts';
import {errorCode} from './walk.ts';

const day = 86_400_000;

/**
 * find's `-name "*.gz" -mtime +N`: the name ends in .gz (find's `*` matches
 * a leading dot too) and the age in whole days, fractions dropped, is more
 * than N, measured from when the search started. Directories are left out:
 * find's -delete could only remove an empty one.
 */
export function isRotatedLog(
	file: Pick<SeenFile, 'name' | 'mtimeMs'>,
	startedAt: number,
	days: number,
): boolean {
	return file.name.endsWith('.gz') && Math.floor((startedAt - file.mtimeMs) / day) > days;
}

/** A path as a shell word: as is when it is plain, else single-quoted. */
export const shellWord = (path: string): string =>
	/^[\w/.,:@%+=-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;

export const findCommand = (root: string, days: number): string =>
	`find ${shellWord(root)} -name "*.gz" -mtime +${days} -delete`;

export interface RotatedFound {
	readonly root: string;
	readonly days: number;
	readonly startedAt: number;
	readonly complete: boolean;
	readonly files: readonly SeenFile[];
}

/** Every directory holding a file to delete must be writable, or unlink fails there. */
async function permission(files: readonly SeenFile[]): Promise<Permission> {
	for (const dir of new Set(files.map((f) => dirname(f.path)))) {
		try {
			await access(dir, constants.W_OK);
		} catch {
			const uid = process.getuid?.();
			return {
				allowed: false,
				reason: `no write permission on ${dir}${uid === undefined ? '' : ` (irtop runs as uid ${uid})`}`,
			};
		}
	}
	return {allowed: true};
}

/**
 * The runbook's cleanup as a confirmed action that deletes exactly the files
 * the last scan counted. Each is checked again just before: the same file
 * (device, inode, size and mtime), still old enough, so a log rotated or
 * rewritten in the meantime is never deleted by mistake.
 */
export function deleteRotatedLogsAction(found: RotatedFound, onDone?: () => void): Action {
	const {root, days, files} = found;
	const bytes = files.reduce((sum, f) => sum + f.size, 0);
	return {
		id: 'delete-rotated-logs',
		title: 'Delete rotated logs',
		// The path alone: the outcome names it, so the status line stays within 80 columns.
		target: {context: null, namespace: null, object: root},
		command: findCommand(root, days),
		details: [
			`${files.length} files, ${formatBytes(bytes)}: *.gz older than ${days} days`,
			...(found.complete
				? []
				: ['The scan stopped at its time budget: only the files it found are deleted.']),
			...files.slice(0, 5).map((f) => `${f.path} (${formatBytes(f.size)})`),
			...(files.length > 5 ? [`… and ${files.length - 5} more`] : []),
		],
		checkPermission: async () =>
			files.length === 0
				? {allowed: false, reason: `no *.gz older than ${days} days under ${root}`}
				: permission(files),
		run: async (signal) => {
			let deleted = 0;
			let freed = 0;
			const failures = new Map<string, number>();
			const now = Date.now();
			for (const file of files) {
				if (signal.aborted) break;
				try {
					const info = await lstat(file.path);
					// An inode number is reused at once on ext4: size and mtime must match too.
					const same =
						info.dev === file.dev &&
						info.ino === file.ino &&
						info.size === file.size &&
						info.mtimeMs === file.mtimeMs;
					if (
						!same ||
						info.isDirectory() ||
						!isRotatedLog({name: file.name, mtimeMs: info.mtimeMs}, now, days)
					)
						continue;
					await unlink(file.path);
					deleted++;
					freed += info.size;
				} catch (error) {
					const code = errorCode(error);
					// Already gone is what was wanted.
					if (code !== 'ENOENT') failures.set(code, (failures.get(code) ?? 0) + 1);
				}
			}
			onDone?.();
			const failed = [...failures.values()].reduce((a, b) => a + b, 0);
			const why = [...failures.keys()].join(', ');
			return {
				ok: failed === 0 && !signal.aborted,
				message: `deleted ${deleted} files, ${formatBytes(freed)} freed under ${root}${failed > 0 ? `; ${failed} not deleted (${why})` : ''}${signal.aborted ? '; cancelled' : ''}`,
			};
		},
	};
}
