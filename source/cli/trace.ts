import {writeFileSync} from 'node:fs';
import {sourceIds} from '../model/index.ts';
import type {Session} from './session.ts';

/**
 * For the benchmark: when IRTOP_TRACE_FIRST_FRAME names a file, the wall
 * time of the first frame in which no panel is still loading is written there.
 */
export function traceFirstFrame(session: Session): (() => void) | undefined {
	const file = process.env.IRTOP_TRACE_FIRST_FRAME;
	if (!file) return undefined;
	let done = false;
	return () => {
		if (done) return;
		const {slots} = session.store.getSnapshot();
		if (sourceIds.some((id) => slots[id].phase === 'loading')) return;
		done = true;
		writeFileSync(file, String(Date.now()));
	};
}
