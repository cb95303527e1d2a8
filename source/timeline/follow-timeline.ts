import {JournalFollower} from './journal-follow.ts';
import {journalPath} from './journal-paths.ts';
import type {LoadedIncident} from './journal-read.ts';
import type {Timeline} from './timeline.ts';

/**
 * Keeps the timeline in step with its journal on this host: whatever incident the
 * timeline holds (opened, resumed, joined, or a new one opened with `i`), the lines
 * other irtop processes append to that incident's journal are applied to it.
 */
export function followJournal(
	timeline: Timeline,
	dir: string,
	resumed?: LoadedIncident,
	pollMs?: number,
): () => void {
	let following: {id: string; follower: JournalFollower} | null = null;
	const sync = () => {
		const id = timeline.incident?.id ?? null;
		if (following?.id === id) return;
		following?.follower.stop();
		following = null;
		if (id === null) return;
		// A resume already read the journal up to its last whole line: go on from there.
		const from = resumed?.incident.id === id ? resumed : undefined;
		const follower = new JournalFollower(
			journalPath(dir, id),
			(incidentId, events) => timeline.receive(incidentId, events, false),
			{from: from?.bytes, lines: from?.lines, pollMs},
		);
		following = {id, follower};
		follower.start();
	};
	const unsubscribe = timeline.subscribe(sync);
	sync();
	return () => {
		unsubscribe();
		following?.follower.stop();
		following = null;
	};
}
