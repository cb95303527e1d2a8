// The lines of the pod describe view, as `kubectl describe pod` orders them:
// pure, so what an SRE reads at 3 a.m. is tested from fixtures. Every remote
// string is sanitised here; the component only cuts lines to the width.
import {formatAge} from '../format/duration.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {ContainerStateView, EventRow, PodDescription} from '../model/index.ts';
import type {Tone} from './state.ts';

export interface DescribeLine {
	readonly text: string;
	readonly tone?: Tone;
}

/** Per container, the share of CFS periods throttled over 5 min; null: no Prometheus or no cAdvisor series. */
export type Throttling = ReadonlyMap<string, number> | null;

const clean = (text: string) => sanitizeLine(text);
const ago = (at: number | null, now: number) => (at === null ? '' : `${formatAge(now - at)} ago`);

function stateText(label: string, s: ContainerStateView, now: number): DescribeLine[] {
	const head = `    ${label}: ${s.state[0]?.toUpperCase()}${s.state.slice(1)}${s.reason ? ` (${clean(s.reason)})` : ''}`;
	const tone: Tone | undefined =
		s.reason === 'OOMKilled' || s.reason === 'CrashLoopBackOff' || (s.exitCode ?? 0) !== 0
			? 'error'
			: s.state === 'waiting'
				? 'warn'
				: undefined;
	const lines: DescribeLine[] = [{text: head, tone}];
	const details = [
		s.exitCode === null ? '' : `exit code ${s.exitCode}`,
		s.signal === null ? '' : `signal ${s.signal}`,
		s.startedAt === null ? '' : `started ${ago(s.startedAt, now)}`,
		s.finishedAt === null ? '' : `finished ${ago(s.finishedAt, now)}`,
	].filter(Boolean);
	if (details.length > 0) lines.push({text: `      ${details.join(' · ')}`});
	if (s.message) lines.push({text: `      ${clean(s.message)}`, tone: 'dim'});
	return lines;
}

const resources = (r: Readonly<Record<string, string>>) =>
	Object.keys(r).length === 0
		? 'none'
		: Object.entries(r)
				.map(([k, v]) => `${clean(k)} ${clean(v)}`)
				.join(', ');

export function describeLines(
	d: PodDescription,
	events: readonly EventRow[],
	throttling: Throttling,
	now: number,
): DescribeLine[] {
	const lines: DescribeLine[] = [
		{text: `Name:        ${clean(d.name)}`},
		{text: `Namespace:   ${clean(d.namespace)}`},
		{text: `Node:        ${d.node ? clean(d.node) : '<none>'}`},
		{
			text: `Status:      ${clean(d.phase)}${d.startedAt ? ` · started ${ago(d.startedAt, now)}` : ''}`,
		},
		{text: `QoS Class:   ${d.qosClass ? clean(d.qosClass) : '<none>'}`},
		...(d.controlledBy ? [{text: `Controlled By: ${clean(d.controlledBy)}`}] : []),
		{text: 'Conditions:', tone: 'accent'},
		...d.conditions.map((c) => ({
			text: `  ${clean(c.type)} ${clean(c.status)}${c.reason ? ` (${clean(c.reason)})` : ''}${c.message ? ` ${clean(c.message)}` : ''}`,
			tone: c.status === 'True' ? undefined : ('warn' as const),
		})),
		{text: 'Containers:', tone: 'accent'},
	];
	for (const c of d.containers) {
		const throttled = throttling?.get(c.name);
		lines.push(
			{
				text: `  ${clean(c.name)}${c.init ? ' (init)' : ''}: ${c.ready ? 'ready' : 'not ready'} · restarts ${c.restarts}`,
			},
			{text: `    Image: ${clean(c.image)}`},
			...stateText('State', c.state, now),
			...(c.lastState ? stateText('Last State', c.lastState, now) : []),
			{text: `    Requests: ${resources(c.requests)}`},
			{text: `    Limits:   ${resources(c.limits)}`},
		);
		if (throttled !== undefined)
			lines.push({
				text: `    CPU throttled: ${(throttled * 100).toFixed(1)} % of periods (5m)`,
				tone: throttled >= 0.25 ? 'error' : throttled >= 0.05 ? 'warn' : undefined,
			});
	}
	if (throttling === null)
		lines.push({
			text: '  CPU throttling: no cAdvisor series in Prometheus (or no Prometheus)',
			tone: 'dim',
		});
	const own = events
		.filter((e) => e.namespace === d.namespace && e.object === `pod/${d.name}`)
		.toSorted((a, b) => (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0));
	lines.push({text: 'Events:', tone: 'accent'});
	if (own.length === 0)
		lines.push({text: '  <none> (in the events irtop is watching)', tone: 'dim'});
	for (const e of own)
		lines.push({
			text: `  ${ago(e.lastSeenAt, now).padEnd(8)} ${clean(e.type).padEnd(7)} ${clean(e.reason)}${e.count > 1 ? ` (x${e.count})` : ''}: ${clean(e.message)}`,
			tone: e.type === 'Warning' ? 'warn' : undefined,
		});
	return lines;
}
