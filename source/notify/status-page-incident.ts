import type {TimelineState} from '../timeline/timeline.ts';

/** The runbook's wording per status, used by both status page providers. */
export const statusMessage: Readonly<Record<string, string>> = {
	investigating: 'We are investigating increased error rates.',
	identified: 'The issue has been identified and a fix is being implemented.',
	monitoring: 'A fix has been implemented and we are monitoring the results.',
	resolved: 'Issue has been resolved.',
};

/**
 * The status page incident a successful send of `actionId` created earlier,
 * found in the timeline's recorded outcomes, so it survives --resume. Each
 * provider has its own action id: an id from one is never sent to the other.
 */
export function incidentIdFrom(state: TimelineState, actionId: string): string | null {
	for (let i = state.events.length - 1; i >= 0; i--) {
		const data = state.events[i]?.data;
		if (data?.action !== actionId || data.ok !== true) continue;
		const id = /incident (\S+)/.exec(String(data.message))?.[1];
		if (id) return id;
	}
	return null;
}
