// Seeds the last hour (and a little of the day before, so there is more
// than one daily index) relative to now: the runbook's query always finds
// ERRORs right after lab:up. The feeder keeps it true afterwards.

import {index, putTemplate} from './client.ts';
import {minuteOfLogs} from './documents.ts';

const minute = 60_000;

export async function seedOpenSearch(
	url: string,
	log: (line: string) => void,
	now = Date.now(),
): Promise<void> {
	await putTemplate(url);
	const current = Math.floor(now / minute) * minute;
	const docs = [];
	// 70 minutes back from the current one, plus 10 minutes a day ago (yesterday's index).
	for (let n = 70; n >= 1; n--) docs.push(...minuteOfLogs(current - n * minute, n));
	for (let n = 10; n >= 1; n--) docs.push(...minuteOfLogs(current - 86_400_000 - n * minute, n));
	await index(url, docs);
	log(`  seed: ${docs.length} log documents over the last 70 minutes and a day ago`);
}
