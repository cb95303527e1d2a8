// A child process for the crash test: appends notes to one incident's journal
// and prints "ack N" only after append() returned (i.e. after fsync). The
// parent kill -9s it at a random moment.
import {existsSync, statSync} from 'node:fs';
import {Journal} from '../../../source/timeline/journal.ts';
import {journalPath} from '../../../source/timeline/journal-paths.ts';
import {readJournal} from '../../../source/timeline/journal-read.ts';
import {Timeline} from '../../../source/timeline/timeline.ts';

const [dir, id, tag, countText] = process.argv.slice(2) as [string, string, string, string];
const journal = new Journal(dir);
const timeline = new Timeline({author: tag, sink: journal});
const path = journalPath(dir, id);
// The other writer may have created the file but not written its first line yet.
if (existsSync(path) && statSync(path).size > 0) {
	const loaded = readJournal(path);
	timeline.load(loaded.incident, loaded.events);
} else {
	timeline.load(
		{id, title: 'crash test', severity: 'P1', status: 'investigating', owner: null, startedAt: 0},
		[],
	);
}
const count = Number(countText);
for (let i = 0; i < count; i++) {
	// Varying sizes, so kills land inside writes of different lengths.
	timeline.append({kind: 'note', text: `${tag}-${i} ${'x'.repeat((i * 37) % 900)}`});
	process.stdout.write(`ack ${tag}-${i}\n`);
}
journal.close();
