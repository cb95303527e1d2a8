import type {RunbookConfig} from '../config/index.ts';

/**
 * The seed's incident runbook (../shared/runbook.md) as irtop's built-in one:
 * what a user with no `runbook:` key gets. Steps whose condition reads a
 * source that is not configured say so (runbook/evaluate.ts) rather than
 * pretend to be checked.
 */
export const defaultRunbook: RunbookConfig = [
	{
		section: 'Detection',
		steps: [
			{
				title: 'Acknowledge the alert and open the incident',
				hint: 'i opens it: title, severity, @owner',
				// Any status means an incident is open (later statuses count too).
				doneWhen: {statusIs: 'investigating'},
				actions: ['open-incident'],
			},
			{title: "Check who's on call", hint: 'the header names who to escalate to and when'},
		],
	},
	{
		section: 'Initial assessment',
		steps: [
			{
				title: 'Every pod Running and ready',
				hint: 'kubectl get pods -A | grep -v Running',
				doneWhen: {podsNotRunning: {max: 0}},
			},
			{
				title: 'Error rate under the threshold',
				hint: 'the Errors panel: 5xx ratio per service',
				doneWhen: {errorRatioBelow: {forMinutes: 0}},
			},
			{
				title: 'Database connections not exhausted',
				hint: 'the DB panel: connections and locks',
				doneWhen: {pgConnectionsBelow: {ratio: 0.9}},
			},
		],
	},
	{
		section: 'Communication',
		steps: [
			{
				title: 'Initial update posted to Slack',
				hint: 'U posts it (previewed, confirmed)',
				doneWhen: {timeline: {kind: 'notify-slack'}},
				actions: ['notify-slack'],
			},
			{
				title: 'Status page updated',
				hint: 'W creates or updates it',
				doneWhen: {timeline: {kind: 'notify-statuspage'}},
				actions: ['notify-statuspage'],
			},
		],
	},
	{
		section: 'Diagnosis',
		steps: [
			{
				title: 'Findings written down',
				hint: 'n writes a note: logs, metrics, recent changes',
				doneWhen: {timeline: {kind: 'note'}},
				actions: ['note'],
			},
			{
				title: 'Cause identified',
				hint: 'S moves the status to identified',
				doneWhen: {statusIs: 'identified'},
				actions: ['status-next'],
			},
		],
	},
	{
		section: 'Mitigation',
		steps: [
			{
				title: 'Mitigation applied',
				hint: 'restart r, scale s, rollback u, circuit breaker b, rate limit L',
				doneWhen: {timeline: {kind: 'action'}},
				actions: ['restart', 'scale', 'undo', 'circuit-breaker', 'rate-limit'],
			},
		],
	},
	{
		section: 'Resolution',
		steps: [
			{
				title: 'Error rate back under the threshold for 5 minutes',
				doneWhen: {errorRatioBelow: {forMinutes: 5}},
			},
			{title: 'No alerts firing', doneWhen: {alertsFiring: 0}},
			{
				title: 'Monitoring',
				hint: 'S until monitoring, then resolved',
				doneWhen: {statusIs: 'monitoring'},
			},
			{title: 'Resolved', doneWhen: {statusIs: 'resolved'}},
		],
	},
	{
		section: 'Post-incident',
		steps: [
			{title: 'Post-mortem exported', hint: 'e writes it next to the journal', actions: ['export']},
		],
	},
];
