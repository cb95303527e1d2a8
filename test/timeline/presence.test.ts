import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {Presence} from '../../source/timeline/presence.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-presence-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('presence on one host', () => {
	it('each sees the other while on; joins and leaves are on the timeline', async () => {
		const a = new Timeline({author: 'alice'});
		const incident = a.open({title: 'drill', severity: 'P1'});
		const b = new Timeline({author: 'bob'});
		b.load(incident, a.getSnapshot().events);
		const pa = new Presence(dir, 'alice@vps', a);
		const pb = new Presence(dir, 'bob@vps', b);
		pa.start();
		pb.start();
		try {
			await new Promise((r) => setTimeout(r, 1100));
			expect(pa.others()).toEqual(['bob@vps']);
			expect(pb.others()).toEqual(['alice@vps']);
			pb.stop();
			await new Promise((r) => setTimeout(r, 1100));
			expect(pa.others()).toEqual([]);
			expect(b.getSnapshot().events.map((e) => e.text)).toEqual([
				'Incident opened: drill (P1)',
				'bob@vps joined',
				'bob@vps left',
			]);
			expect(a.getSnapshot().events.map((e) => e.text)).toContain('alice@vps joined');
		} finally {
			pa.stop();
			pb.stop();
		}
	});
});
