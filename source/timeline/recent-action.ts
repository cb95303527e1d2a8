import type {TimelineEvent} from './event.ts';

interface Target {
	readonly context: string | null;
	readonly namespace: string | null;
	readonly object: string;
}

/** How far back another responder's action on the same object is worth a warning. */
export const recentActionWindowMs = 10 * 60_000;

const sameTarget = (a: Target, b: unknown): boolean => {
	if (b === null || typeof b !== 'object') return false;
	const t = b as Partial<Target>;
	return (
		t.object === a.object &&
		(t.namespace ?? null) === a.namespace &&
		(t.context ?? null) === a.context
	);
};

const ago = (ms: number) => {
	const s = Math.max(0, Math.round(ms / 1000));
	return s < 120 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
};

/**
 * "alice@laptop ran Rollout restart on deployment/onboarding-api 40 s ago — done · restarted":
 * the latest action on the same object in the last 10 minutes that this irtop did not run
 * itself (another responder's, read from the shared journal or an earlier run), or null.
 * The text is remote: the caller sanitises it before the terminal.
 */
export function recentActionWarning(
	events: readonly TimelineEvent[],
	target: Target,
	now: number,
	createdHere: (id: string) => boolean,
): string | null {
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i] as TimelineEvent;
		if (now - e.at > recentActionWindowMs) break;
		if (e.kind !== 'action' || createdHere(e.id) || !sameTarget(target, e.data?.target)) continue;
		const title = e.text.split(` ${target.object}:`)[0] ?? e.text;
		const outcome = e.text.slice(e.text.indexOf(':') + 1).trim();
		return `${e.author ?? 'another responder'} ran ${title} on ${target.object} ${ago(now - e.at)} — ${outcome}`;
	}
	return null;
}
