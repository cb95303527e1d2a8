import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/args.ts';
import {formatOpenIncidents, openIncidents} from '../../source/cli/join.ts';
import {Journal} from '../../source/timeline/journal.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-join-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function incident(title: string, author: string, resolved: boolean, startedAt: number) {
	const journal = new Journal(dir);
	const timeline = new Timeline({author, sink: journal, now: () => startedAt});
	timeline.open({title, severity: 'P1', owner: author, startedAt});
	timeline.append({kind: 'note', text: 'looking', author: 'bob'});
	if (resolved) timeline.setStatus('resolved');
	journal.close();
	return timeline.incident!;
}

describe('irtop join', () => {
	it('lists the open incidents, newest first, with severity, age and responders', () => {
		const now = Date.UTC(2026, 11, 6, 20, 0);
		const old = incident('db pool exhausted', 'alice', false, now - 3 * 60_000);
		incident('yesterday', 'carol', true, now - 86_400_000);
		const fresh = incident('api 5xx \u001b[31mspike', 'dave', false, now - 30_000);
		const list = openIncidents(dir);
		expect(list.map((i) => i.id)).toEqual([fresh.id, old.id]);
		expect(list[1]?.responders).toEqual(['alice', 'bob']);
		const text = formatOpenIncidents(list, now);
		expect(text.split('\n')[0]).toMatch(/^#\s+ID\s+SEV\s+AGE\s+RESPONDERS\s+TITLE$/);
		expect(text).toContain('30s');
		expect(text).toContain('3m');
		expect(text).not.toContain('\u001b');
	});

	it('takes the dashboard’s flags and an optional id', () => {
		const parsed = parseArgs(['join', 'abc', '--demo', '-A'], 'test');
		expect(parsed.kind).toBe('run');
		if (parsed.kind !== 'run') return;
		expect(parsed.options).toMatchObject({
			command: 'dashboard',
			resume: true,
			join: true,
			incidentId: 'abc',
			demo: true,
			allNamespaces: true,
		});
		const bare = parseArgs(['join'], 'test');
		expect(bare.kind === 'run' && bare.options.incidentId).toBeUndefined();
	});
});
