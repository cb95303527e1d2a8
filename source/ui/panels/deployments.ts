import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {DeploymentRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

function tone(d: DeploymentRow): Tone | undefined {
	if (d.rollout === 'stalled' || (d.desired > 0 && d.available === 0)) return 'error';
	if (d.rollout === 'progressing' || d.ready < d.desired) return 'warn';
	return undefined;
}

export const deploymentsPanel: PanelDefinition = {
	id: 'deployments',
	title: 'Deployments',
	sources: ['kubernetes'],
	view(context, width) {
		const rows = (dataOf(context, 'kubernetes')?.deployments ?? []).toSorted(
			(a, b) =>
				Number(a.ready >= a.desired) - Number(b.ready >= b.desired) ||
				a.namespace.localeCompare(b.namespace) ||
				a.name.localeCompare(b.name),
		);
		const columns = fitColumns<DeploymentRow>(
			[
				{header: 'NAME', width: 16, flex: true, value: (d) => sanitizeLine(d.name)},
				{header: 'READY', width: 5, value: (d) => `${d.ready}/${d.desired}`},
				{header: 'ROLLOUT', width: 11, optional: true, value: (d) => d.rollout},
				{
					header: 'UP-TO-DATE',
					width: 10,
					optional: true,
					align: 'right',
					value: (d) => String(d.updated),
				},
				{
					header: 'AVAILABLE',
					width: 9,
					optional: true,
					align: 'right',
					value: (d) => String(d.available),
				},
				{
					header: 'REV',
					width: 4,
					optional: true,
					align: 'right',
					value: (d) => (d.revision === null ? '-' : String(d.revision)),
				},
				{header: 'NAMESPACE', width: 20, optional: true, value: (d) => sanitizeLine(d.namespace)},
			],
			width,
		);
		const unhealthy = rows.filter((d) => d.ready < d.desired || d.rollout !== 'complete').length;
		return {
			summary: `${reconnectingNote(context)}${unhealthy} not ready / ${rows.length}`,
			summaryTone: unhealthy > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			lines: rows.map((d) => ({
				key: `${d.namespace}/${d.name}`,
				text: formatRow(columns, d),
				tone: tone(d),
				match: `${d.namespace} ${d.name} ${d.rollout}`,
				selection: {
					kind: 'deployment',
					ref: {namespace: d.namespace, name: d.name},
					replicas: d.desired,
					memoryLimit: d.memoryLimit ?? null,
				},
			})),
			empty: 'no deployments',
		};
	},
};
