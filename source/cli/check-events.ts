import type {Store} from '../engine/store.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {TimelineEvent} from '../timeline/event.ts';
import type {Timeline} from '../timeline/timeline.ts';

/** Configured checks (`checks:`) have these kinds; the built-in ones are told by their source's state. */
const configuredKinds: ReadonlySet<string> = new Set(['command', 'url', 'tcp']);

/** Each configured check's last recorded state, from the timeline, so a resumed incident does not repeat it. */
function recorded(events: readonly TimelineEvent[]): Map<string, boolean> {
	const known = new Map<string, boolean>();
	for (const e of events) {
		const check = e.data?.check;
		if (e.kind === 'observation' && typeof check === 'string' && typeof e.data?.ok === 'boolean')
			known.set(check, e.data.ok);
	}
	return known;
}

/**
 * A configured check that starts failing, or passes again, is recorded on the
 * open incident once per flip. A check seen passing first is not news; one
 * seen failing first is.
 */
export function recordCheckFlips(store: Store, timeline: Timeline): () => void {
	let known: Map<string, boolean> | null = null;
	const update = () => {
		if (!timeline.incident) return;
		known ??= recorded(timeline.getSnapshot().events);
		const slot = store.getSnapshot().slots.health;
		const results = slot.phase === 'not-configured' ? null : slot.data;
		for (const r of results ?? []) {
			if (!configuredKinds.has(r.kind ?? '')) continue;
			const before = known.get(r.name);
			if (before === r.ok || (before === undefined && r.ok)) {
				known.set(r.name, r.ok);
				continue;
			}
			known.set(r.name, r.ok);
			// The nth flip of this check: the same id on every responder that saw it.
			const nth = timeline.getSnapshot().events.filter((e) => e.data?.check === r.name).length + 1;
			try {
				timeline.append({
					id: `check:${r.name}:${nth}:${r.ok ? 'passes' : 'fails'}`,
					kind: 'observation',
					text: r.ok
						? `Check ${sanitizeLine(r.name)} passes again`
						: `Check ${sanitizeLine(r.name)} fails · ${sanitizeLine(r.detail, 200)}`,
					// A failing check is a detection (milestones read `above`); passing again is not.
					data: {check: r.name, ok: r.ok, above: !r.ok, detail: sanitizeLine(r.detail, 200)},
				});
			} catch {
				// The journal failed (disk full); the status bar of the next note says so.
			}
		}
	};
	const unsubscribe = store.subscribe(update);
	const unsubscribeTimeline = timeline.subscribe(() => {
		if (known === null && timeline.incident) queueMicrotask(update);
	});
	return () => {
		unsubscribe();
		unsubscribeTimeline();
	};
}
