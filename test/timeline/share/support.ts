// Responders in this process for the share tests: each its own journal directory (as two
// hosts have), its own Timeline and its own link to the one Redis.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ShareConfig} from '../../../source/config/schema-timeline.ts';
import {Journal} from '../../../source/timeline/journal.ts';
import {journalPath} from '../../../source/timeline/journal-paths.ts';
import {readJournal} from '../../../source/timeline/journal-read.ts';
import {openShare, type Share} from '../../../source/timeline/share/open-share.ts';
import {Timeline} from '../../../source/timeline/timeline.ts';

export interface Responder {
	readonly name: string;
	readonly dir: string;
	readonly timeline: Timeline;
	share: Share;
	/** What this host's journal holds (what export and --resume read). */
	journaled(): {id: string; at: number; text: string}[];
	close(): Promise<void>;
}

export function responder(
	name: string,
	url: string | ShareConfig,
	scrub: (text: string) => string = (t) => t,
): Responder {
	const dir = mkdtempSync(join(tmpdir(), `irtop-share-${name}-`));
	const journal = new Journal(dir);
	const timeline = new Timeline({author: name, sink: journal});
	const config = typeof url === 'string' ? {url, maxLength: 10_000} : url;
	const share = openShare(config, timeline, `${name}@host-${name}`, scrub);
	return {
		name,
		dir,
		timeline,
		share,
		journaled() {
			const id = timeline.incident?.id;
			if (!id) return [];
			return readJournal(journalPath(dir, id)).events.map((e) => ({
				id: e.id,
				at: e.at,
				text: e.text,
			}));
		},
		async close() {
			await this.share.stop();
			journal.close();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** What a timeline shows: ids, times and texts in its order. */
export const shown = (r: Responder) =>
	r.timeline.getSnapshot().events.map((e) => ({id: e.id, at: e.at, text: e.text}));
