// A mitigation with no incident open names the incident it starts after what was
// done, and the status line says how to change its title and severity.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Mitigations} from '../../source/actions/mitigations.ts';
import {Journal} from '../../source/timeline/journal.ts';
import {journalPath} from '../../source/timeline/journal-paths.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.parse('2026-11-28T03:15:00Z');

const mitigations: Mitigations = {
	restartDeployment: (t) => ({
		id: 'restartDeployment',
		title: 'Rollout restart',
		target: {context: 'prod-eu', namespace: t.namespace, object: `deployment/${t.name}`},
		command: `kubectl rollout restart deployment/${t.name} -n ${t.namespace}`,
		run: async () => ({ok: true, message: 'restarted'}),
	}),
};

let cleanup: (() => void) | undefined;
const dirs: string[] = [];
afterEach(() => {
	cleanup?.();
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('an incident opened by a mitigation', () => {
	it('is titled after what happened; T retitles it and the journal keeps the new title', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-title-'));
		dirs.push(dir);
		const timeline = new Timeline({author: 'alice', sink: new Journal(dir), now: () => now});
		const rendered = await renderApp({
			columns: 120,
			rows: 40,
			data: fixtureData(now),
			now,
			timeline,
			mitigations,
		});
		cleanup = rendered.unmount;
		await rendered.press('jump');
		await rendered.type('deploy');
		await rendered.press('submit');
		await rendered.press('restart');
		await rendered.press('confirm');
		await new Promise((r) => setTimeout(r, 50));
		const incident = timeline.getSnapshot().incident;
		expect(incident?.title).toBe('onboarding-api: rollout restart');
		expect(incident?.severity).toBe('P2');
		expect(rendered.frame()).toContain('opened a P2 incident: T retitles, P severity');
		// The incident opened before the action ran, so the action is on its timeline.
		expect(timeline.getSnapshot().events.map((e) => e.kind)).toEqual(['incident', 'action']);

		await rendered.press('retitle');
		expect(rendered.frame()).toContain('title: onboarding-api: rollout restart█');
		await rendered.type('\u007f'.repeat(40));
		await rendered.type('Onboarding API 500s');
		await rendered.press('submit');
		expect(timeline.getSnapshot().incident?.title).toBe('Onboarding API 500s');
		expect(rendered.frame()).toMatch(/title\s+Title: onboarding-api/);

		const loaded = readJournal(journalPath(dir, incident?.id ?? ''));
		expect(loaded.incident.title).toBe('Onboarding API 500s');
	});

	it('an empty title is refused and the prompt stays open', async () => {
		const timeline = new Timeline({author: 'alice', now: () => now});
		timeline.open({title: 'API 500 errors spike', severity: 'P1'});
		const rendered = await renderApp({columns: 100, rows: 30, now, timeline});
		cleanup = rendered.unmount;
		await rendered.press('retitle');
		await rendered.type('\u007f'.repeat(30));
		await rendered.press('submit');
		expect(rendered.frame()).toContain('a title is needed');
		expect(timeline.getSnapshot().incident?.title).toBe('API 500 errors spike');
	});
});
