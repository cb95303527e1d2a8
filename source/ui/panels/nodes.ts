import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {NodeRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

const percent = (value: number | null) => (value === null ? '-' : `${Math.round(value)}%`);

function tone(node: NodeRow): Tone | undefined {
	if (!node.ready) return 'error';
	if (node.conditions.length > 0 || (node.memoryPercent ?? 0) >= 90 || (node.cpuPercent ?? 0) >= 90)
		return 'warn';
	return undefined;
}

export const nodesPanel: PanelDefinition = {
	id: 'nodes',
	title: 'Nodes',
	sources: ['kubernetes'],
	view(context, width) {
		const rows = (dataOf(context, 'kubernetes')?.nodes ?? []).toSorted(
			(a, b) =>
				Number(a.ready) - Number(b.ready) ||
				b.conditions.length - a.conditions.length ||
				a.name.localeCompare(b.name),
		);
		const columns = fitColumns<NodeRow>(
			[
				{header: 'NAME', width: 10, flex: true, value: (n) => sanitizeLine(n.name)},
				{header: 'STATUS', width: 8, value: (n) => (n.ready ? 'Ready' : 'NotReady')},
				{header: 'CPU', width: 4, align: 'right', value: (n) => percent(n.cpuPercent)},
				{header: 'MEM', width: 4, align: 'right', value: (n) => percent(n.memoryPercent)},
				{
					header: 'CONDITIONS',
					width: 16,
					optional: true,
					value: (n) => n.conditions.map(sanitizeLine).join(',') || '-',
				},
				{header: 'PODS', width: 4, optional: true, align: 'right', value: (n) => String(n.pods)},
				{
					header: 'AGE',
					width: 5,
					optional: true,
					value: (n) => (n.createdAt === null ? '-' : formatAge(context.now - n.createdAt)),
				},
			],
			width,
		);
		const notReady = rows.filter((n) => !n.ready).length;
		const pressured = rows.filter((n) => n.conditions.length > 0).length;
		return {
			// No metrics API is said once, here, rather than as "-" in every row.
			summary: `${reconnectingNote(context)}${notReady} NotReady · ${pressured} pressure / ${rows.length}${
				dataOf(context, 'kubernetes')?.metricsUnavailable ? ' · no metrics.k8s.io' : ''
			}`,
			summaryTone: notReady > 0 ? 'error' : pressured > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			lines: rows.map((n) => ({
				key: n.name,
				text: formatRow(columns, n),
				tone: tone(n),
				match: `${n.name} ${n.ready ? 'Ready' : 'NotReady'} ${n.conditions.join(' ')}`,
				selection: {kind: 'node', name: n.name},
			})),
			empty: 'no nodes',
		};
	},
};
