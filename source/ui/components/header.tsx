import {Box, Text} from 'ink';
import {formatClock} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {escalation} from '../../timeline/escalation.ts';
import {responseTargetLabel, responseTimeLeft} from '../../timeline/severity.ts';
import type {TimelineState} from '../../timeline/timeline.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

export function Header({
	timeline,
	now,
	width,
}: {
	timeline: TimelineState;
	now: number;
	width: number;
}) {
	const {
		kubeContext,
		namespace,
		readOnly,
		escalation: contacts,
		oncall,
		presence,
		sharing,
	} = useServices();
	const others = presence?.() ?? [];
	const shared = sharing?.(width < 100) ?? null;
	const incident = timeline.incident;
	const utc = new Date(now).toISOString().slice(11, 19);
	const scope = `ctx ${kubeContext ?? '-'} · ns ${namespace ?? 'all'}`;
	const mode = readOnly ? ' · read-only' : '';
	const path = incident && contacts ? escalation(incident, now, contacts) : null;
	const onCall = oncall?.() ?? null;
	// First on the second line: it is what the runbook asks to act on.
	const escalate = path
		? path.next
			? `escalate to ${path.next.contact} in ${formatClock(path.next.inMs)} · `
			: `escalated to ${path.current} · `
		: '';
	let first: React.ReactNode;
	if (incident) {
		const left = responseTimeLeft(incident.severity, incident.startedAt, now);
		const clock = left >= 0 ? `${formatClock(left)} left` : `missed by ${formatClock(-left)}`;
		first = (
			<Text wrap="truncate">
				<Text bold>irtop </Text>
				<Toned
					tone={incident.severity === 'P0' || incident.severity === 'P1' ? 'error' : 'warn'}
					bold
				>
					{incident.severity}
				</Toned>
				<Text bold> {sanitizeLine(incident.title)}</Text>
				<Text> · {incident.status}</Text>
				<Toned tone={left < 0 ? 'error' : left < 5 * 60_000 ? 'warn' : undefined}>
					{' '}
					· respond {responseTargetLabel[incident.severity]}: {clock}
				</Toned>
				<Text> · elapsed {formatClock(now - incident.startedAt)}</Text>
			</Text>
		);
	} else {
		first = (
			<Text wrap="truncate">
				<Text bold>irtop</Text>
				<Toned tone="dim"> · no incident open · ? for help</Toned>
			</Text>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={2}>
			{first}
			<Toned tone="dim">
				{sanitizeLine(escalate)}
				{shared ? `${shared} · ` : ''}
				{others.length > 0 ? `with ${sanitizeLine(others.join(', '))} · ` : ''}
				{onCall ? `on call ${sanitizeLine(onCall)} · ` : ''}
				{scope} · {utc} UTC{mode}
				{incident?.owner ? ` · owner ${sanitizeLine(incident.owner)}` : ''}
			</Toned>
		</Box>
	);
}
