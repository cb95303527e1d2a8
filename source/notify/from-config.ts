import {integrationDefaults} from '../config/defaults.ts';
import type {Config} from '../config/index.ts';
import type {Notifiers} from './notifiers.ts';
import {OncallWatcher} from './pagerduty.ts';
import {runbookStatusPageAction} from './runbook-status-page.ts';
import {slackAction} from './slack.ts';
import {statuspageAction} from './statuspage.ts';

/**
 * The integrations the configuration (or SLACK_WEBHOOK_URL, STATUSPAGE_*,
 * STATUS_PAGE_TOKEN, PAGERDUTY_TOKEN) enables.
 */
export function notifiersFromConfig(config: Config): {
	notifiers: Notifiers;
	oncall: OncallWatcher | null;
} {
	const {slack, statuspage, pagerduty} = config.integrations;
	const webhook = slack.webhookUrl;
	return {
		notifiers: {
			slack: webhook ? (state) => slackAction(webhook, state) : undefined,
			statuspage: statusPageNotifier(statuspage),
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

function statusPageNotifier(config: Config['integrations']['statuspage']): Notifiers['statuspage'] {
	const {provider, url, pageId, apiKey, token} = config;
	if (provider === 'runbook')
		return url && token ? (state) => runbookStatusPageAction({url, token}, state) : undefined;
	const api = url ?? integrationDefaults.statuspageUrl;
	return pageId && apiKey
		? (state) => statuspageAction({url: api, pageId, apiKey}, state)
		: undefined;
}
