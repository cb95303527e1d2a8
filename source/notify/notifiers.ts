import type {Action} from '../actions/action.ts';
import type {TimelineState} from '../timeline/timeline.ts';

/**
 * Sends to people outside irtop, each built as an Action so it is previewed
 * in the one confirmation, run once and recorded by runAction. A missing
 * entry is an integration that is not configured.
 */
export interface Notifiers {
	readonly slack?: (state: TimelineState) => Action;
	readonly statuspage?: (state: TimelineState) => Action;
}
