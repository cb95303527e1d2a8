import {appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {Journal} from '../../source/timeline/journal.ts';
import {findIncident, incidentsDir, journalPath} from '../../source/timeline/journal-paths.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';
import {durations, milestones} from '../../source/timeline/milestones.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'irtop-journal-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function incidentWithNotes(now: {t: number}) {
	const journal = new Journal(dir);
	const timeline = new Timeline({author: 'alice', sink: journal, now: () => now.t});
	const incident = timeline.open({title: 'API 500 errors spike', severity: 'P1', owner: '@oncall'});
	now.t += 60_000;
	timeline.append({kind: 'alert', text: 'HighErrorRate fired'});
	now.t += 4 * 60_000;
	timeline.append({kind: 'note', text: 'pool at 48/50\nsecond line'});
	now.t += 10 * 60_000;
	timeline.append({
		kind: 'action',
		text: 'Rollout restart done',
		data: {command: 'kubectl rollout restart deployment/onboarding-api', ok: true, message: 'ok'},
	});
	now.t += 5 * 60_000;
	timeline.setStatus('resolved');
	journal.close();
	return {incident, timeline, path: journalPath(dir, incident.id)};
}

describe('the journal', () => {
	it('lives under XDG_STATE_HOME, or ~/.local/state', () => {
		expect(incidentsDir({XDG_STATE_HOME: '/s', HOME: '/h'})).toBe('/s/irtop/incidents');
		expect(incidentsDir({HOME: '/h'})).toBe('/h/.local/state/irtop/incidents');
		expect(incidentsDir({XDG_STATE_HOME: 'relative', HOME: '/h'})).toBe(
			'/h/.local/state/irtop/incidents',
		);
		expect(incidentsDir({})).toBeNull();
	});

	it('writes one 0600 JSONL line per event and resumes incident, events, milestones and clocks', () => {
		const {incident, timeline, path} = incidentWithNotes({t: start});
		expect(statSync(path).mode & 0o777).toBe(0o600);
		const lines = readFileSync(path, 'utf8').split('\n');
		expect(lines.at(-1)).toBe('');
		expect(lines).toHaveLength(6);
		const loaded = readJournal(path);
		expect(loaded.warnings).toEqual([]);
		expect(loaded.incident).toEqual({...incident, status: 'resolved'});
		expect(loaded.events).toEqual(timeline.getSnapshot().events);
		const resumed = new Timeline();
		resumed.load(loaded.incident, loaded.events);
		const m = milestones(resumed.getSnapshot());
		expect(m).toEqual({
			started: start,
			detected: start + 60_000,
			acknowledged: start,
			mitigated: start + 15 * 60_000,
			resolved: start + 20 * 60_000,
		});
		expect(durations(m!)).toEqual({
			toAcknowledge: 0,
			toMitigate: 15 * 60_000,
			toResolve: 20 * 60_000,
		});
		expect(findIncident(dir)).toBe(incident.id);
		expect(findIncident(dir, incident.id.slice(0, 10))).toBe(incident.id);
	});

	it('skips a torn last line with a warning, and the next write starts a fresh line', () => {
		const {incident, path} = incidentWithNotes({t: start});
		const good = readFileSync(path, 'utf8');
		appendFileSync(path, good.split('\n')[2]!.slice(0, 40));
		const torn = readJournal(path);
		expect(torn.events).toHaveLength(5);
		expect(torn.warnings).toEqual([expect.stringMatching(/:6: .*torn last line/)]);

		const journal = new Journal(dir);
		const timeline = new Timeline({sink: journal, now: () => start});
		timeline.load(torn.incident, torn.events);
		timeline.append({kind: 'note', text: 'after the crash'});
		journal.close();
		const after = readJournal(path);
		expect(after.events.map((e) => e.text).at(-1)).toBe('after the crash');
		expect(after.events).toHaveLength(6);
		expect(after.warnings).toEqual([expect.stringMatching(/:6: skipped an unreadable line$/)]);
		expect(after.incident.id).toBe(incident.id);
	});

	it('a garbage line in the middle costs only that line', () => {
		const {path} = incidentWithNotes({t: start});
		const lines = readFileSync(path, 'utf8').split('\n');
		lines.splice(2, 0, '{"v":1,"incident":');
		writeFileSync(path, lines.join('\n'));
		const loaded = readJournal(path);
		expect(loaded.events).toHaveLength(5);
		expect(loaded.warnings).toHaveLength(1);
	});

	it('a sink that cannot write keeps the note off the screen', () => {
		const journal = new Journal(join(dir, 'file'));
		writeFileSync(join(dir, 'file'), 'not a directory');
		const timeline = new Timeline({sink: journal});
		expect(() => timeline.append({kind: 'note', text: 'x'})).toThrow();
		expect(timeline.getSnapshot().events).toEqual([]);
	});
});

describe('shown means saved', () => {
	it('a status, severity or open that cannot be saved changes nothing on screen', () => {
		let fail = false;
		const timeline = new Timeline({
			now: () => start,
			sink: {
				write: () => {
					if (fail) throw new Error('EIO');
				},
			},
		});
		timeline.open({title: 'first', severity: 'P2'});
		const before = timeline.getSnapshot();
		let notified = 0;
		timeline.subscribe(() => notified++);
		fail = true;
		expect(() => timeline.setStatus('resolved')).toThrow('EIO');
		expect(() => timeline.setSeverity('P0')).toThrow('EIO');
		expect(() => timeline.open({title: 'second', severity: 'P1'})).toThrow('EIO');
		expect(timeline.getSnapshot()).toBe(before);
		expect(notified).toBe(0);
	});
});
