import type {GroupStatus} from '../model/index.ts';

/** One evaluation point of the sliding window: at a commit. */
export interface WindowPoint {
	readonly committed: number;
	readonly lag: number;
}

/** Lag growth over the window that counts as falling behind, not noise. */
const growth = 50;

/**
 * Burrow's consumer evaluation, oldest point first: any zero lag is OK;
 * offsets that do not move while lag remains is STALL; offsets that move
 * while lag only grows is WARN; anything else is OK.
 */
export function evaluateWindow(points: readonly WindowPoint[]): GroupStatus {
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return 'OK';
	if (points.some((p) => p.lag === 0)) return 'OK';
	if (points.every((p) => p.committed === first.committed)) return 'STALL';
	const growing = points.every((p, i) => i === 0 || p.lag >= (points[i - 1] as WindowPoint).lag);
	if (growing && last.lag - first.lag > growth) return 'WARN';
	return 'OK';
}
