import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {DeploymentRow, WorkloadRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

/** A Deployment, StatefulSet or DaemonSet: one table, as `kubectl get deploy,sts,ds`. */
type Row = (DeploymentRow & {readonly kind?: undefined}) | WorkloadRow;

/** kubectl's short names; Deployments, the common case, go unprefixed. */
const prefix = {statefulset: 'sts/', daemonset: 'ds/'} as const;

function selection(d: Row) {
	const ref = {namespace: d.namespace, name: d.name};
	return d.kind === undefined
		? {kind: 'deployment' as const, ref, replicas: d.desired, memoryLimit: d.memoryLimit ?? null}
		: {kind: 'workload' as const, ref: {...ref, kind: d.kind}, replicas: d.desired};
}

function tone(d: Row): Tone | undefined {
	if (d.rollout === 'stalled' || (d.desired > 0 && d.available === 0)) return 'error';
	if (d.rollout === 'progressing' || d.ready < d.desired) return 'warn';
	return undefined;
}

export const deploymentsPanel: PanelDefinition = {
	id: 'deployments',
	title: 'Deployments',
	sources: ['kubernetes'],
	view(context, width) {
		const data = dataOf(context, 'kubernetes');
		const all: readonly Row[] = [
			...(data?.deployments ?? []),
			...(data?.statefulsets ?? []),
			...(data?.daemonsets ?? []),
		];
		const rows = all.toSorted(
			(a, b) =>
				Number(a.ready >= a.desired) - Number(b.ready >= b.desired) ||
				a.namespace.localeCompare(b.namespace) ||
				a.name.localeCompare(b.name),
		);
		const columns = fitColumns<Row>(
			[
				{
					header: 'NAME',
					width: 16,
					flex: true,
					value: (d) => sanitizeLine(`${d.kind ? prefix[d.kind] : ''}${d.name}`),
				},
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
				key: `${d.kind ?? 'deployment'}/${d.namespace}/${d.name}`,
				text: formatRow(columns, d),
				tone: tone(d),
				match: `${d.namespace} ${d.kind ?? 'deployment'} ${d.name} ${d.rollout}`,
				selection: selection(d),
			})),
			empty: 'no deployments, statefulsets or daemonsets',
		};
	},
};
