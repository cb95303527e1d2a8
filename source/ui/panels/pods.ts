import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {PodRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';
import {nearPercent} from './top.ts';

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
	if (Math.max(cpu, memory) < nearPercent) return '';
	return memory >= cpu ? `mem ${memory}%` : `cpu ${cpu}%`;
}

interface Ranked {
	readonly pod: PodRow;
	/** 0 failing, 1 waiting or not ready, 2 fine. */
	readonly rank: number;
	readonly problem: boolean;
}

// Per row object: the source keeps a pod's row while the pod is unchanged,
// so a frame after one pod changed tests one pod's status, not 5,000.
const ranks = new WeakMap<PodRow, Ranked>();
function ranked(pod: PodRow): Ranked {
	let r = ranks.get(pod);
	if (!r) {
		const tone = podTone(pod);
		r = {pod, rank: tone === 'error' ? 0 : tone === 'warn' ? 1 : 2, problem: isProblemPod(pod)};
		ranks.set(pod, r);
	}
	return r;
}

const byRank = (a: Ranked, b: Ranked) =>
	a.rank - b.rank ||
	b.pod.restarts - a.pod.restarts ||
	// Names are DNS labels (ASCII): code-unit order is their order, and far cheaper than localeCompare.
	(a.pod.name < b.pod.name ? -1 : a.pod.name > b.pod.name ? 1 : 0);

interface Order {
	/** The problem pods, sorted: what the panel shows by default. */
	readonly problems: readonly PodRow[];
	/** Every pod, sorted only when asked for (`a`): 5,000 pods sort in milliseconds, not in none. */
	readonly sorted: () => readonly PodRow[];
}
const orders = new WeakMap<readonly PodRow[], Order>();

/**
 * Problem pods first (failing before waiting), then by restarts, then by
 * name; once per pods array: the source hands the same array until a pod
 * changes, so a clock tick or a key press sorts nothing.
 */
function ordered(all: readonly PodRow[]): Order {
	let order = orders.get(all);
	if (!order) {
		const rows = all.map(ranked);
		let sorted: readonly PodRow[] | undefined;
		order = {
			problems: rows
				.filter((r) => r.problem)
				.sort(byRank)
				.map((r) => r.pod),
			sorted: () => {
				sorted ??= rows.toSorted(byRank).map((r) => r.pod);
				return sorted;
			},
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
		const {problems, sorted} = ordered(all);
		const shown = context.problemsOnly ? problems : sorted();
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
				selection: {kind: 'pod', ref: {namespace: pod.namespace, name: pod.name}, node: pod.node},
			})),
			empty: context.problemsOnly ? 'every pod is Running and ready' : 'no pods',
		};
	},
};
