import type {Store} from '../engine/store.ts';
import type {MaxConnectionsRaise} from '../model/index.ts';
import type {Timeline} from '../timeline/timeline.ts';

const texts: Record<MaxConnectionsRaise['phase'], (r: MaxConnectionsRaise) => string> = {
	'pending-restart': (r) =>
		`max_connections ${r.from} → ${r.to}: pending_restart until PostgreSQL restarts`,
	applied: (r) => `max_connections is now ${r.to} (was ${r.from}), read back after the restart`,
	'not-applied': (r) =>
		`PostgreSQL restarted but max_connections is ${r.after ?? '?'}, not ${r.to} (set elsewhere?)`,
};

/**
 * Each phase of a max_connections raise (the Postgres source's `raise`) is
 * recorded on the open incident once: pending restart, then the value read
 * back after it. Ids are the raise's, so a resumed incident does not repeat them.
 */
export function recordMaxConnectionsRaise(store: Store, timeline: Timeline): () => void {
	let recorded = '';
	const update = () => {
		if (!timeline.incident) return;
		const slot = store.getSnapshot().slots.postgres;
		const raise = slot.phase === 'not-configured' ? undefined : slot.data?.raise;
		if (!raise) return;
		const id = `pg-max-connections:${raise.id}:${raise.phase}`;
		if (id === recorded) return;
		recorded = id;
		if (timeline.getSnapshot().events.some((e) => e.id === id)) return;
		try {
			timeline.append({
				id,
				kind: 'observation',
				text: texts[raise.phase](raise),
				data: {
					postgres: 'max-connections',
					step: raise.phase,
					from: raise.from,
					to: raise.to,
					...(raise.after === undefined ? {} : {after: raise.after}),
				},
			});
		} catch {
			// The journal failed (disk full); the status bar of the next note says so.
		}
	};
	return store.subscribe(update);
}
