// "What exactly did you run?": the timeline shows an action's equivalent command,
// on its line when the panel is wide (zoomed) and under the selected event when narrow.
import {afterEach, describe, expect, it} from 'vitest';
import {Timeline} from '../../source/timeline/timeline.ts';
import {timelinePanel} from '../../source/ui/panels/timeline.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.parse('2026-11-28T03:15:00Z');
const command = 'kubectl rollout restart deployment/onboarding-api -n business-onboarding';

function incident(): Timeline {
	const timeline = new Timeline({author: 'alice', now: () => now});
	timeline.open({title: 'API 500 errors spike', severity: 'P1', owner: 'alice'});
	timeline.append({
		kind: 'action',
		text: 'Rollout restart deployment/onboarding-api: done · restarted',
		data: {action: 'restartDeployment', command, ok: true, message: 'restarted'},
	});
	timeline.append({kind: 'note', text: 'restarted it, watching the error rate'});
	return timeline;
}

function view(timeline: Timeline, width: number) {
	return timelinePanel.view(
		{
			store: {slots: {}} as never,
			timeline: timeline.getSnapshot(),
			now,
			problemsOnly: true,
			topSort: 'cpu',
		},
		width,
	);
}

describe('timeline: commands', () => {
	it('a wide timeline ends an action line with its command; notes have none', () => {
		const lines = view(incident(), 160).lines;
		const action = lines.find((l) => l.text.includes('Rollout restart'));
		expect(action?.text).toContain(`$ ${command}`);
		expect(lines.find((l) => l.text.includes('watching'))?.text).not.toContain('$');
	});

	it('a narrow timeline keeps the command for the selected event, wrapped, with its author', () => {
		const action = view(incident(), 30).lines.find((l) => l.key === 'event:2');
		expect(action?.text).not.toContain('kubectl');
		const detail = (action?.detail ?? []).map((l) => l.trim()).join('');
		expect(detail.replaceAll(' ', '')).toContain(`$${command}`.replaceAll(' ', ''));
		expect(action?.detail?.every((l) => l.length === 30)).toBe(true);
		expect(action?.detail).toContain(`${'  by alice'.padEnd(30)}`);
	});

	it('a command with control sequences reaches the panel inert', () => {
		const timeline = incident();
		timeline.append({
			kind: 'action',
			text: 'Scale deployment/x: done',
			data: {command: 'kubectl scale deployment/x\u001b[2J --replicas=3', ok: true},
		});
		const text = view(timeline, 160).lines.at(-1)?.text ?? '';
		expect(text).toContain('kubectl scale deployment/x');
		expect(text).not.toContain('\u001b');
	});
});

describe('timeline: the selected event in the dashboard', () => {
	let cleanup: (() => void) | undefined;
	afterEach(() => cleanup?.());

	it('draws the detail under the selected row only while the panel has focus', async () => {
		const rendered = await renderApp({columns: 100, rows: 30, now, timeline: incident()});
		cleanup = rendered.unmount;
		expect(rendered.frame()).not.toContain('by alice');
		await rendered.type('9');
		await rendered.press('up');
		// The selected row is the restart: its command is drawn under it.
		const frame = rendered.frame();
		expect(frame).toContain('$ kubectl rollout');
		expect(frame).toContain('by alice');
		await rendered.press('focus-next');
		expect(rendered.frame()).not.toContain('by alice');
	});
});
