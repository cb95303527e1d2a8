import type {Timeline} from '../timeline/timeline.ts';
import type {Action, ActionOutcome} from './action.ts';

const inFlight = new Set<string>();

function key(action: Action): string {
	return `${action.id} ${action.target.context ?? ''} ${action.target.namespace ?? ''} ${action.target.object}`;
}

/** A mitigation run with no incident open names the one it starts: "onboarding-api: rollout restart". */
export function incidentTitleFor(action: Action): string {
	const name = action.target.object.split('/').at(-1) || action.target.object;
	return `${name}: ${action.title.toLowerCase()}`;
}

/**
 * Runs a confirmed action once and records it. The same action on the same
 * target cannot run twice at once, whatever the keyboard does.
 */
export async function runAction(
	action: Action,
	timeline: Timeline,
	signal: AbortSignal,
): Promise<ActionOutcome> {
	const id = key(action);
	if (inFlight.has(id)) return {ok: false, message: `${action.title} is already running`};
	inFlight.add(id);
	try {
		// Opened before the run, so the incident starts when the first thing was done about it.
		if (!timeline.getSnapshot().incident)
			timeline.open({title: incidentTitleFor(action), severity: 'P2'});
		let outcome: ActionOutcome;
		try {
			outcome = await action.run(signal);
		} catch (error) {
			outcome = {ok: false, message: error instanceof Error ? error.message : String(error)};
		}
		timeline.append({
			kind: 'action',
			text: `${action.title} ${action.target.object}: ${outcome.ok ? 'done' : 'failed'} · ${outcome.message}`,
			data: {
				action: action.id,
				command: action.command,
				target: action.target,
				ok: outcome.ok,
				message: outcome.message,
				...outcome.data,
			},
		});
		return outcome;
	} finally {
		inFlight.delete(id);
	}
}
