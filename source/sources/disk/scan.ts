import type {DirectoryScan, RotatedLogs} from '../../model/index.ts';
import {isRotatedLog, type RotatedFound} from './rotated-logs.ts';
import {largest, type SeenFile, walk} from './walk.ts';

export interface ScanPlan {
	/** Measured for their largest directories. */
	readonly paths: readonly string[];
	/** Where rotated logs are counted. */
	readonly rotatedLogs: string;
	readonly rotatedDays: number;
	readonly budgetMs: number;
	/** Directories listed per path, the path itself included. */
	readonly top?: number;
	/** Every mount point of the host: the walk stays on the filesystem of each path. */
	readonly mounts?: ReadonlySet<string>;
}

export interface ScanResult {
	readonly directories: DirectoryScan[];
	readonly rotated: RotatedLogs;
	readonly found: RotatedFound;
}

/**
 * One background measurement: each path walked once (the rotated-log path
 * shares the walk when it is also measured), each with its own time budget.
 */
export async function scan(plan: ScanPlan, signal: AbortSignal): Promise<ScanResult> {
	const roots = [...new Set([...plan.paths, plan.rotatedLogs])];
	const directories: DirectoryScan[] = [];
	const startedAt = Date.now();
	const files: SeenFile[] = [];
	let rotatedComplete = false;
	let rotatedError: string | undefined;
	for (const root of roots) {
		const collects = root === plan.rotatedLogs;
		const skip = plan.mounts ? new Set([...plan.mounts].filter((m) => m !== root)) : undefined;
		const result = await walk(root, {
			budgetMs: plan.budgetMs,
			signal,
			skip,
			onFile: collects
				? (file) => {
						if (isRotatedLog(file, startedAt, plan.rotatedDays)) files.push(file);
					}
				: undefined,
		});
		if (collects) {
			rotatedComplete = result.complete;
			rotatedError = result.error;
		}
		if (plan.paths.includes(root))
			directories.push({
				root,
				largest: largest(result.sizes, plan.top ?? 10),
				complete: result.complete,
				measuredAt: Date.now(),
				...(result.error ? {error: result.error} : {}),
			});
	}
	return {
		directories,
		rotated: {
			root: plan.rotatedLogs,
			olderThanDays: plan.rotatedDays,
			count: files.length,
			bytes: files.reduce((sum, f) => sum + f.size, 0),
			complete: rotatedComplete,
			measuredAt: Date.now(),
			...(rotatedError ? {error: rotatedError} : {}),
		},
		found: {
			root: plan.rotatedLogs,
			days: plan.rotatedDays,
			startedAt,
			complete: rotatedComplete,
			files,
		},
	};
}
