import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {PodRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

const failing =
	/BackOff|Err|Error|OOMKilled|Failed|Evicted|Invalid|Unknown|NodeLost|DeadlineExceeded/;
const waiting = /Pending|ContainerCreating|PodInitializing|Init:|Terminating|NotReady/;

/** Healthy is what `kubectl get pods -A | grep -v Running` hides: Running with all containers ready, or Completed. */
export function isProblemPod(pod: PodRow): boolean {
	if (pod.status === 'Completed' || pod.status === 'Succeeded') return false;
	if (pod.status !== 'Running') return true;
	const [ready, total] = pod.ready.split('/').map(Number);
	return ready !== total;
}

export function podTone(pod: PodRow): Tone | undefined {
	if (failing.test(pod.status)) return 'error';
	if (waiting.test(pod.status) || isProblemPod(pod)) return 'warn';
	return undefined;
}

/** Use near a limit (kubectl top against the spec): CPU near it throttles, memory near it is OOM-killed. */
export function nearLimit(pod: PodRow): string {
	const cpu = pod.cpuLimitPercent ?? 0;
	const memory = pod.memoryLimitPercent ?? 0;
	if (Math.max(cpu, memory) < 80) return '';
	return memory >= cpu ? `mem ${memory}%` : `cpu ${cpu}%`;
}

/** Problem pods first (failing before waiting), then by restarts, then by name. */
function rank(pod: PodRow): number {
	const tone = podTone(pod);
	return tone === 'error' ? 0 : tone === 'warn' ? 1 : 2;
}

interface Order {
	readonly problems: readonly PodRow[];
	readonly sorted: readonly PodRow[];
	readonly sortedProblems: readonly PodRow[];
}
const orders = new WeakMap<readonly PodRow[], Order>();

/**
 * The pods in panel order, once per pods array: the source hands the same
 * array until a pod changes, so a clock tick or a key press sorts nothing.
 */
function ordered(all: readonly PodRow[]): Order {
	let order = orders.get(all);
	if (!order) {
		const ranked = all.map((pod) => ({pod, rank: rank(pod)}));
		ranked.sort(
			(a, b) =>
				a.rank - b.rank || b.pod.restarts - a.pod.restarts || a.pod.name.localeCompare(b.pod.name),
		);
		const sorted = ranked.map((r) => r.pod);
		order = {
			problems: all.filter(isProblemPod),
			sorted,
			sortedProblems: sorted.filter(isProblemPod),
		};
		orders.set(all, order);
	}
	return order;
}

export const podsPanel: PanelDefinition = {
	id: 'pods',
	title: 'Pods',
	sources: ['kubernetes'],
	view(context, width) {
		const data = dataOf(context, 'kubernetes');
		const all = data?.pods ?? [];
		const {problems, sorted, sortedProblems} = ordered(all);
		const shown = context.problemsOnly ? sortedProblems : sorted;
		const columns = fitColumns<PodRow>(
			[
				{header: 'NAME', width: 20, flex: true, value: (p) => sanitizeLine(p.name)},
				{header: 'STATUS', width: 16, value: (p) => sanitizeLine(p.status)},
				{header: 'READY', width: 5, optional: true, value: (p) => p.ready},
				{
					header: 'RESTARTS',
					width: 12,
					optional: true,
					value: (p) =>
						p.lastRestartAt !== null && p.restarts > 0
							? `${p.restarts} (${formatAge(context.now - p.lastRestartAt)} ago)`
							: String(p.restarts),
				},
				{
					header: 'AGE',
					width: 5,
					optional: true,
					value: (p) => (p.createdAt === null ? '-' : formatAge(context.now - p.createdAt)),
				},
				{header: 'LIMIT', width: 8, optional: true, value: nearLimit},
				{header: 'NAMESPACE', width: 20, optional: true, value: (p) => sanitizeLine(p.namespace)},
				{header: 'NODE', width: 12, optional: true, value: (p) => sanitizeLine(p.node ?? '<none>')},
			],
			width,
		);
		return {
			summary: `${reconnectingNote(context)}${problems.length} problem${problems.length === 1 ? '' : 's'} / ${all.length} pods${context.problemsOnly ? '' : ' · all'}`,
			summaryTone: problems.length > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			// Text is made when a line is drawn, not for every one of 5,000 pods every frame.
			lines: shown.map((pod) => ({
				key: `${pod.namespace}/${pod.name}`,
				get text() {
					return formatRow(columns, pod);
				},
				tone: podTone(pod),
				match: `${pod.namespace} ${pod.name} ${pod.status} ${pod.node ?? ''}`,
				selection: {kind: 'pod', ref: {namespace: pod.namespace, name: pod.name}},
			})),
			empty: context.problemsOnly ? 'every pod is Running and ready' : 'no pods',
		};
	},
};
