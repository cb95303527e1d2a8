import type {BlockedQuery} from '../../model/index.ts';

export interface LockTreeRow {
	readonly pid: number;
	readonly depth: number;
	/** null for a blocker that is not itself waiting (the root holding the lock). */
	readonly blocked: BlockedQuery | null;
}

/**
 * The blocked queries as a tree under the sessions that hold the locks
 * (pg_blocking_pids): roots are blockers that wait for nothing, and each
 * waiter hangs under one blocker, preferring the waiting one directly ahead
 * of it, so a queue reads top to bottom. Cycles (deadlocks, before the detector runs)
 * are broken by showing a pid once.
 */
export function lockTree(blocked: readonly BlockedQuery[]): LockTreeRow[] {
	const byPid = new Map(blocked.map((b) => [b.pid, b]));
	const children = new Map<number, BlockedQuery[]>();
	for (const b of blocked) {
		// The waiting blocker that queued last is the one directly ahead in the queue.
		const waiting = b.blockedBy
			.map((pid) => byPid.get(pid))
			.filter((x): x is BlockedQuery => x !== undefined)
			.sort((x, y) => x.waitSeconds - y.waitSeconds);
		const parent = waiting[0]?.pid ?? b.blockedBy[0];
		if (parent === undefined) continue;
		const list = children.get(parent) ?? [];
		list.push(b);
		children.set(parent, list);
	}
	const rows: LockTreeRow[] = [];
	const seen = new Set<number>();
	const walk = (pid: number, depth: number) => {
		for (const child of (children.get(pid) ?? []).toSorted(
			(a, b) => b.waitSeconds - a.waitSeconds,
		)) {
			if (seen.has(child.pid)) continue;
			seen.add(child.pid);
			rows.push({pid: child.pid, depth, blocked: child});
			walk(child.pid, depth + 1);
		}
	};
	const roots = [...children.keys()].filter((pid) => !byPid.has(pid)).sort((a, b) => a - b);
	for (const root of roots) {
		seen.add(root);
		rows.push({pid: root, depth: 0, blocked: null});
		walk(root, 1);
	}
	// Whatever a cycle left out still shows, flat.
	for (const b of blocked) if (!seen.has(b.pid)) rows.push({pid: b.pid, depth: 0, blocked: b});
	return rows;
}
