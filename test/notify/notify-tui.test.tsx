import {afterEach, describe, expect, it} from 'vitest';
import {slackAction} from '../../source/notify/slack.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {eventually} from '../support/eventually.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';
import {answer, standIn} from './stand-in.ts';

const now = Date.UTC(2026, 10, 28, 3, 0, 0);
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

describe('notifications in the TUI', () => {
	it('U previews the Slack update in the confirmation, y sends it once, the timeline records it', async () => {
		const server = await standIn((_seen, res) => answer(res, 200, 'ok'));
		const webhook = `${server.url}/services/T/B/very-secret`;
		const timeline = new Timeline({now: () => now});
		timeline.open({
			title: 'API 500 errors spike',
			severity: 'P1',
			owner: '@oncall',
			startedAt: now,
		});
		const app = await renderApp({
			columns: 120,
			rows: 40,
			data: fixtureData(now),
			now,
			timeline,
			services: {
				notifiers: {slack: (state) => slackAction(webhook, state)},
				escalation: {oncall: '@oncall', platformLead: '@lead', cto: '@cto', securityLead: '@sec'},
			},
		});
		cleanup = async () => {
			app.unmount();
			await server.close();
		};
		expect(app.frame()).toContain('escalate to @lead in 15:00');
		await app.press('notify-slack');
		expect(app.frame()).toContain('Post a status update to Slack?');
		expect(app.frame()).toContain('Status: Investigating');
		expect(app.frame()).toContain('$SLACK_WEBHOOK_URL');
		expect(app.frame()).not.toContain('very-secret');
		await app.press('confirm', 2);
		await eventually(
			async () => app.frame(),
			(f) => f.includes('✓ Post a status update to Slack'),
		);
		expect(server.seen).toHaveLength(1);
		expect(app.frame()).toContain('✓ Post a status update to Slack');
		expect(timeline.getSnapshot().events.at(-1)?.data).toMatchObject({
			action: 'notify-slack',
			ok: true,
		});
	});

	it('U without a webhook says how to configure it', async () => {
		const app = await renderApp({columns: 120, rows: 40, data: fixtureData(now), now});
		cleanup = async () => app.unmount();
		await app.press('notify-slack');
		expect(app.frame()).toContain('Slack is not configured: set SLACK_WEBHOOK_URL');
	});
});
