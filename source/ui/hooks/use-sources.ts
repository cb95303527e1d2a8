import {useEffect, useState, useSyncExternalStore} from 'react';
import type {StoreState} from '../../engine/store.ts';
import type {TimelineState} from '../../timeline/timeline.ts';
import {useServices} from '../services.ts';

export function useStoreState(): StoreState {
	const {store} = useServices();
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useTimelineState(): TimelineState {
	const {timeline} = useServices();
	return useSyncExternalStore(timeline.subscribe, timeline.getSnapshot);
}

const noSteps = {steps: []};
const never = () => () => {};

/** The runbook's steps as they stand; none without a runbook service (tests). */
export function useRunbookSteps() {
	const {runbook} = useServices();
	return useSyncExternalStore(runbook?.subscribe ?? never, runbook?.getSnapshot ?? (() => noSteps))
		.steps;
}

/** The time, moving once a second: ages and clocks tick without any data change. */
export function useNow(): number {
	const {now = Date.now} = useServices();
	const [time, setTime] = useState(now);
	useEffect(() => {
		const timer = setInterval(() => setTime(now()), 1000);
		return () => clearInterval(timer);
	}, [now]);
	return time;
}
