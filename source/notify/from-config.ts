import type {Config} from '../config/index.ts';
import type {Notifiers} from './notifiers.ts';
import {OncallWatcher} from './pagerduty.ts';
import {slackAction} from './slack.ts';
import {statuspageAction} from './statuspage.ts';

/** The integrations the configuration (or SLACK_WEBHOOK_URL, STATUSPAGE_*, PAGERDUTY_TOKEN) enables. */
export function notifiersFromConfig(config: Config): {
	notifiers: Notifiers;
	oncall: OncallWatcher | null;
} {
	const {slack, statuspage, pagerduty} = config.integrations;
	const webhook = slack.webhookUrl;
	const {pageId, apiKey} = statuspage;
	return {
		notifiers: {
			slack: webhook ? (state) => slackAction(webhook, state) : undefined,
			statuspage:
				pageId && apiKey
					? (state) => statuspageAction({url: statuspage.url, pageId, apiKey}, state)
					: undefined,
		},
		oncall: pagerduty.token
			? new OncallWatcher({
					url: pagerduty.url,
					token: pagerduty.token,
					scheduleIds: pagerduty.scheduleIds,
				})
			: null,
	};
}
