import {formatDuration} from '../format/duration.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {TimelineEvent} from './event.ts';
import type {Incident} from './incident.ts';
import {durations, isMitigation, milestones, origin} from './milestones.ts';
import {pinnedIds} from './pins.ts';

const utcTime = (at: number) => `${new Date(at).toISOString().slice(11, 16)} UTC`;
const utcDate = (at: number) => new Date(at).toISOString().slice(0, 10);
const prompt = (text: string) => `_${text}_`;
// Remote text (alerts, events) is untrusted; notes may be multi-line and keep their lines.
const clean = (text: string) =>
	text
		.split('\n')
		.map((line) => sanitizeLine(line))
		.join('\n  ');

/** Measured from Prometheus over the incident window, when it is configured. */
export type Impact =
	| {readonly failedRequests: number; readonly peakErrorRatio: number}
	| {readonly error: string};

function impactLines(impact: Impact | null | undefined): string[] {
	if (!impact)
		return [
			'',
			prompt(
				'Failed requests, affected customers: fill in (with Prometheus configured, irtop measures the increase of the 5xx count over the incident window).',
			),
		];
	if ('error' in impact) return [`- Not measured: ${sanitizeLine(impact.error)}`];
	return [
		`- Failed requests (5xx over the incident window): ${impact.failedRequests.toLocaleString('en-US')}`,
		`- Peak error ratio: ${(impact.peakErrorRatio * 100).toFixed(1)} %`,
		'',
		prompt('Affected customers: fill in.'),
	];
}

function eventLine(event: TimelineEvent, startDay: string): string {
	const day = utcDate(event.at);
	const when = day === startDay ? utcTime(event.at) : `${day} ${utcTime(event.at)}`;
	const who = event.author ? ` (${sanitizeLine(event.author)})` : '';
	const label =
		event.kind === 'note' ? (event.data?.amends !== undefined ? 'Note amended' : 'Note') : null;
	return `- ${when}: ${label ? `${label}${who}: ` : ''}${clean(event.text)}`;
}

/**
 * The runbook's post-mortem template, filled with what irtop knows (timeline,
 * milestones, durations, mitigations, alerts); clear prompts where only a
 * human can write.
 */
export function exportMarkdown(
	incident: Incident,
	events: readonly TimelineEvent[],
	now: number,
	impact?: Impact | null,
): string {
	const m = milestones({incident, events});
	if (!m) throw new Error('no incident');
	const d = durations(m);
	const end = m.resolved ?? now;
	const duration = `${formatDuration(end - origin(m))}${m.resolved ? '' : ' (ongoing)'}`;
	const startDay = utcDate(incident.startedAt);
	const notes = events.filter((e) => e.kind === 'note');
	const pinned = pinnedIds(events);
	const actions = events.filter(isMitigation);
	const alerts = events.filter((e) => e.kind === 'alert');
	// Steps that became done (runbook/evaluate.ts via cli/runbook-events.ts), in the order they did.
	// A step marked by hand and then unmarked is not done: only a step's last hand mark counts.
	const lastMark = new Map<string, TimelineEvent>();
	for (const e of events)
		if (e.kind === 'milestone' && e.data?.runbook === 'hand')
			lastMark.set(`${String(e.data.section)}\u0000${String(e.data.step)}`, e);
	const runbookSteps = events.filter(
		(e) =>
			e.kind === 'milestone' &&
			e.data?.runbook !== undefined &&
			e.data?.done === true &&
			(e.data.runbook !== 'hand' ||
				lastMark.get(`${String(e.data.section)}\u0000${String(e.data.step)}`) === e),
	);
	const milestone = (name: string, at: number | null) =>
		`- ${name}: ${at === null ? 'not yet' : `${utcDate(at) === startDay ? '' : `${utcDate(at)} `}${utcTime(at)}`}`;
	const took = (name: string, ms: number | null) =>
		`- ${name}: ${ms === null ? 'not yet' : formatDuration(ms)}`;

	const out: string[] = [
		`# Incident Post-Mortem: ${sanitizeLine(incident.title)}`,
		'',
		`**Date:** ${startDay}`,
		`**Severity:** ${incident.severity}`,
		`**Duration:** ${duration}`,
		`**Owner:** ${incident.owner ? sanitizeLine(incident.owner) : prompt('who owned the incident?')}`,
		`**Status:** ${incident.status}`,
		`**Incident ID:** ${incident.id}`,
		'',
		'## Summary',
		prompt('Brief description of what happened.'),
		'',
		milestone('Started', m.started),
		milestone('Detected', m.detected),
		milestone('Acknowledged', m.acknowledged),
		milestone('Mitigated', m.mitigated),
		milestone('Resolved', m.resolved),
		took('Time to acknowledge', d.toAcknowledge),
		took('Time to mitigate', d.toMitigate),
		took('Time to resolve', d.toResolve),
	];
	const keyMoments = events.filter((e) => pinned.has(e.id));
	if (keyMoments.length > 0) {
		out.push('', 'Key moments (pinned):', ...keyMoments.map((e) => eventLine(e, startDay)));
	}
	out.push(
		'',
		'## Timeline',
		...events.filter((e) => e.kind !== 'pin').map((e) => eventLine(e, startDay)),
		'',
		'## Root Cause',
		prompt('What caused it? The notes above are the evidence.'),
		'',
		'## Impact',
		...(alerts.length > 0
			? alerts.map((e) => `- Alert: ${clean(e.text)} (${utcTime(e.at)})`)
			: ['- No alerts recorded']),
		`- Notes taken: ${notes.length}`,
		...impactLines(impact),
		'',
		'## Resolution',
		...(actions.length > 0
			? actions.map(
					(e) =>
						`- ${utcTime(e.at)}: \`${sanitizeLine(String(e.data?.command ?? e.text))}\` — ${e.data?.ok === true ? 'succeeded' : 'failed'}: ${sanitizeLine(String(e.data?.message ?? ''))}`,
				)
			: ['- No mitigations run from irtop']),
		'',
		prompt('What fixed it?'),
		'',
		'## Runbook',
		...(runbookSteps.length > 0
			? runbookSteps.map(
					(e) =>
						`- ${utcTime(typeof e.data?.doneAt === 'number' ? e.data.doneAt : e.at)}: ${sanitizeLine(String(e.data?.section ?? ''))} · ${sanitizeLine(String(e.data?.step ?? ''))}${e.data?.runbook === 'hand' ? ' (by hand)' : ''}`,
				)
			: ['- No runbook step recorded as done']),
		'',
		'## Action Items',
		`- [ ] ${prompt('Add monitoring or alerting that would have caught this sooner')}`,
		`- [ ] ${prompt('Follow-up fix for the root cause')}`,
		'',
		'## Lessons Learned',
		prompt('What went well, what did not, where we got lucky.'),
		'',
	);
	return out.join('\n');
}
