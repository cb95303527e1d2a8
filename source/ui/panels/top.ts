import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {PodRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

/** Use as % of the limit from which a hint is shown (here and in Pods' LIMIT), and from which it is urgent. */
export const nearPercent = 80;
const urgentPercent = 90;

type Measured = PodRow & {readonly cpuMillicores: number; readonly memoryBytes: number};

/**
 * Why this pod's use matters, in words: CPU at its limit is throttled (slow,
 * not killed); memory at its limit is OOM-killed. Empty when neither is near.
 */
export function limitHint(pod: PodRow): string {
	const cpu = pod.cpuLimitPercent ?? 0;
	const memory = pod.memoryLimitPercent ?? 0;
	const hints: string[] = [];
	if (pod.status === 'OOMKilled') hints.push('OOMKilled');
	else if (memory >= urgentPercent) hints.push('OOM risk');
	else if (memory >= nearPercent) hints.push('near memory limit');
	if (cpu >= urgentPercent) hints.push('throttling');
	else if (cpu >= nearPercent) hints.push('near CPU limit');
	return hints.join(', ');
}

function tone(pod: PodRow): Tone | undefined {
	const worst = Math.max(pod.cpuLimitPercent ?? 0, pod.memoryLimitPercent ?? 0);
	if (pod.status === 'OOMKilled' || (pod.memoryLimitPercent ?? 0) >= urgentPercent) return 'error';
	return worst >= nearPercent ? 'warn' : undefined;
}

const limitPercent = (value: number | null | undefined) =>
	value === null || value === undefined ? '-' : `${value}%`;

/** `kubectl top pods -A --sort-by=cpu|memory`, with what the numbers mean next to them. */
export const topPanel: PanelDefinition = {
	id: 'top',
	title: 'Top pods',
	sources: ['kubernetes'],
	view(context, width) {
		const data = dataOf(context, 'kubernetes');
		const byMemory = context.topSort === 'memory';
		const measured = (data?.pods ?? []).filter(
			(p): p is Measured =>
				typeof p.cpuMillicores === 'number' && typeof p.memoryBytes === 'number',
		);
		const shown = measured.toSorted((a, b) =>
			byMemory
				? b.memoryBytes - a.memoryBytes || b.cpuMillicores - a.cpuMillicores
				: b.cpuMillicores - a.cpuMillicores || b.memoryBytes - a.memoryBytes,
		);
		const columns = fitColumns<Measured>(
			[
				{header: 'NAME', width: 20, flex: true, value: (p) => sanitizeLine(p.name)},
				{header: 'CPU', width: 6, align: 'right', value: (p) => `${p.cpuMillicores}m`},
				{
					header: 'MEMORY',
					width: 7,
					align: 'right',
					value: (p) => `${Math.round(p.memoryBytes / 2 ** 20)}Mi`,
				},
				{
					header: 'CPU/LIM',
					width: 7,
					optional: true,
					align: 'right',
					value: (p) => limitPercent(p.cpuLimitPercent),
				},
				{
					header: 'MEM/LIM',
					width: 7,
					optional: true,
					align: 'right',
					value: (p) => limitPercent(p.memoryLimitPercent),
				},
				{header: 'HINT', width: 20, optional: true, value: limitHint},
				{header: 'NAMESPACE', width: 20, optional: true, value: (p) => sanitizeLine(p.namespace)},
				{header: 'NODE', width: 12, optional: true, value: (p) => sanitizeLine(p.node ?? '<none>')},
			],
			width,
		);
		const near = measured.filter((p) => tone(p) !== undefined).length;
		return {
			summary: `${reconnectingNote(context)}by ${byMemory ? 'memory' : 'CPU'} · ${near} near a limit / ${measured.length} pods`,
			summaryTone: near > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			lines: shown.map((pod) => ({
				key: `${pod.namespace}/${pod.name}`,
				get text() {
					return formatRow(columns, pod);
				},
				tone: tone(pod),
				match: `${pod.namespace} ${pod.name} ${pod.node ?? ''} ${limitHint(pod)}`,
				selection: {kind: 'pod', ref: {namespace: pod.namespace, name: pod.name}},
			})),
			empty:
				data?.metricsUnavailable ??
				(data ? 'no pod metrics yet (metrics.k8s.io answers every 15 s)' : 'no cluster'),
		};
	},
};
