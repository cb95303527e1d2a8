// A small process beside the OpenSearch node: every 15 s it indexes the
// background mix (and any scenario's burst) at the current time, so "ERROR in
// the last hour" stays true however long the lab runs. It retries quietly
// while the node is not up yet or restarting.
import {parseArgs} from 'node:util';
import {burstDocuments, readBursts} from './burst.ts';
import {index} from './client.ts';
import {minuteOfLogs} from './documents.ts';

const {values} = parseArgs({options: {url: {type: 'string'}, bursts: {type: 'string'}}});
const url = values.url ?? 'http://127.0.0.1:19200';
const bursts = values.bursts ?? '';
const tickMs = 15_000;

let lastMinute = Math.floor(Date.now() / 60_000);

async function tick(): Promise<void> {
	const now = Date.now();
	const docs = [];
	const minute = Math.floor(now / 60_000);
	// The background mix of the minute that just ended (the seed wrote every earlier one):
	// a whole past minute, so no document is stamped in the future.
	if (minute > lastMinute) {
		docs.push(...minuteOfLogs((minute - 1) * 60_000, minute % 60));
		lastMinute = minute;
	}
	for (const burst of Object.values(readBursts(bursts)))
		docs.push(...burstDocuments(burst, now, tickMs));
	await index(url, docs);
}

setInterval(() => {
	tick().catch((error: unknown) => {
		process.stdout.write(`feeder: ${error instanceof Error ? error.message : String(error)}\n`);
	});
}, tickMs);
process.stdout.write(`feeder: indexing into ${url} every ${tickMs / 1000} s\n`);
