import {randomBytes} from 'node:crypto';
import type {TimelineEvent} from './event.ts';

// Crockford's base32 (as ULID): sorts as text in the order of the numbers it encodes.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, length: number): string {
	let out = '';
	let rest = Math.max(0, Math.floor(value));
	for (let i = 0; i < length; i++) {
		out = alphabet[rest % 32] + out;
		rest = Math.floor(rest / 32);
	}
	return out;
}

/** This process's share of the id space: 30 random bits, drawn once (hosts and processes never collide). */
const processPart = (() => {
	const bytes = randomBytes(4);
	return base32(bytes.readUInt32BE(0) % 32 ** 6, 6);
})();
let counter = 0;

/**
 * A stable event id made where the event is created: `<ms, 10 chars><process, 6><counter, 4>`.
 * Time-ordered across hosts (to their clocks' accuracy), unique without coordination: two
 * processes differ in their random part, and one process never repeats its counter.
 */
export function newEventId(at: number): string {
	counter = (counter + 1) % 32 ** 4;
	return `${base32(at, 10)}${processPart}${base32(counter, 4)}`;
}

/**
 * The id of a line written before events had ids: its place in its journal. Only ever
 * compared within that one journal, which no other responder shares with other ids.
 */
export function legacyEventId(line: number): string {
	return `0legacy${String(line).padStart(8, '0')}`;
}

/** The one order every responder shows: by time, then by id (ties between hosts broken the same way). */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
	if (a.at !== b.at) return a.at - b.at;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Two copies of one id (two irtops recorded the same alert a moment apart): every
 * responder keeps the same one, the earlier, whichever it saw first.
 */
export function keepsOver(candidate: TimelineEvent, kept: TimelineEvent): boolean {
	if (candidate.at !== kept.at) return candidate.at < kept.at;
	return canonical(candidate) < canonical(kept);
}

const canonical = (event: TimelineEvent) =>
	JSON.stringify([event.kind, event.text, event.author, event.data]);
