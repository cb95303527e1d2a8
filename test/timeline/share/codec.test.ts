import {describe, expect, it} from 'vitest';
import type {TimelineEvent} from '../../../source/timeline/event.ts';
import type {Incident} from '../../../source/timeline/incident.ts';
import {decodeEntry, encodeEntry, maxEntryBytes} from '../../../source/timeline/share/codec.ts';

const incident: Incident = {
	id: '20261206T213340Z-1cb4',
	title: 'db pool',
	severity: 'P1',
	status: 'investigating',
	owner: 'alice',
	startedAt: 1,
};
const event: TimelineEvent = {
	id: 'E1',
	seq: 7,
	at: 2,
	kind: 'note',
	text: 'hi',
	author: 'alice',
	data: null,
};
const fields = (value: string) => ['e', value];

describe('stream entry codec', () => {
	it('round-trips a journal record; seq is never taken from the wire', () => {
		const decoded = decodeEntry(fields(encodeEntry(incident, event)), incident.id);
		expect(decoded).toEqual({record: {incident, event: {...event, seq: 0}}});
	});

	it.each([
		['not a field list', 'x', 'not a field list'],
		['another field', ['foo', 'bar'], 'no event field'],
		['the name as a value', ['x', 'e'], 'no event field'],
		['not JSON', fields('{'), 'not JSON'],
		['another version', fields(JSON.stringify({v: 2, incident, event})), 'not an irtop event'],
		[
			'an unknown kind',
			fields(JSON.stringify({v: 1, incident, event: {...event, kind: 'rm -rf'}})),
			'not an irtop event',
		],
		[
			'a time that is not a number',
			fields(JSON.stringify({v: 1, incident, event: {...event, at: '2'}})),
			'not an irtop event',
		],
		[
			'an id that is far too long',
			fields(JSON.stringify({v: 1, incident, event: {...event, id: 'x'.repeat(300)}})),
			'not an irtop event',
		],
		[
			'a bad severity',
			fields(JSON.stringify({v: 1, incident: {...incident, severity: 'P9'}, event})),
			'not an irtop event',
		],
		[
			'another incident',
			fields(JSON.stringify({v: 1, incident: {...incident, id: 'other'}, event})),
			'another incident',
		],
		['a huge entry', fields(`"${'x'.repeat(maxEntryBytes)}"`), 'too big'],
	])('skips %s', (_name, value, reason) => {
		expect(decodeEntry(value, incident.id)).toEqual({skipped: reason});
	});
});
