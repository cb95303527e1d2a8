// The lab's Kubernetes simulation as pure functions (no lab needed): the
// kubelet's crash back-off, the scheduler's placement, simulated logs and
// usage, and the status comparison that keeps the fake kubelet quiet.
import {describe, expect, it} from 'vitest';
import {crashCycle, runStart} from '../../scripts/lab/kubernetes/crash-cycle.ts';
import {linesAfter, runLines} from '../../scripts/lab/kubernetes/logs.ts';
import {matchesSelector} from '../../scripts/lab/kubernetes/metrics-server.ts';
import {desiredPodStatus} from '../../scripts/lab/kubernetes/pod-status.ts';
import {formatCpu, formatMemory, parseQuantity} from '../../scripts/lab/kubernetes/quantity.ts';
import {place} from '../../scripts/lab/kubernetes/scheduler.ts';
import {annotations} from '../../scripts/lab/kubernetes/sim-config.ts';
import {covers} from '../../scripts/lab/kubernetes/status-diff.ts';
import type {Node, Pod} from '../../scripts/lab/kubernetes/types.ts';

const node = (name: string, cpu: string, ready = true, taints: Node['spec'] = {}): Node => ({
	metadata: {name},
	spec: taints,
	status: {
		allocatable: {cpu, memory: '8Gi', pods: '110'},
		conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}],
	},
});
const pod = (cpu: string, extra: Partial<Pod['metadata']> = {}, memoryLimit?: string): Pod => ({
	metadata: {name: 'p', namespace: 'ns', uid: 'u-1', ...extra},
	spec: {
		containers: [
			{
				name: 'c',
				image: 'registry.lab/app:1',
				resources: {
					requests: {cpu, memory: '128Mi'},
					...(memoryLimit ? {limits: {memory: memoryLimit}} : {}),
				},
			},
		],
	},
});

describe('crash back-off', () => {
	it('doubles from 5 s and caps at 80 s, counting restarts', () => {
		expect(crashCycle(0, 0, 0)).toMatchObject({kind: 'waiting', restarts: 0, backOff: 5});
		expect(crashCycle(6, 0, 0)).toMatchObject({restarts: 1, backOff: 10});
		expect(crashCycle(1000, 0, 0)).toMatchObject({kind: 'waiting', backOff: 80});
		expect(crashCycle(2, 3, 0)).toMatchObject({kind: 'running', restarts: 0});
		expect(crashCycle(4, 3, 5)).toMatchObject({kind: 'terminated', restarts: 0});
	});
	it('puts run n at runStart(n)', () => {
		for (const n of [1, 3, 7])
			expect(crashCycle(runStart(n, 2), 2, 0)).toMatchObject({kind: 'running', restarts: n});
	});
});

describe('scheduler', () => {
	it('prefers the least allocated node that fits and is ready and untainted', () => {
		const nodes = [
			node('a', '4'),
			node('b', '4'),
			node('c', '8', false),
			node('d', '8', true, {taints: [{key: 'x', effect: 'NoSchedule'}]}),
		];
		const bound = new Map([['a', [pod('3')]]]);
		expect(place(pod('500m'), nodes, bound)).toEqual({node: 'b'});
	});
	it("honours the metadata.name affinity a DaemonSet's pod is pinned to its node with", () => {
		const pinned = pod('100m');
		pinned.spec.affinity = {
			nodeAffinity: {
				requiredDuringSchedulingIgnoredDuringExecution: {
					nodeSelectorTerms: [
						{matchFields: [{key: 'metadata.name', operator: 'In', values: ['a']}]},
					],
				},
			},
		};
		const bound = new Map([['a', [pod('3')]]]);
		expect(place(pinned, [node('a', '4'), node('b', '4')], bound)).toEqual({node: 'a'});
		expect(place(pinned, [node('b', '4')], new Map())).toMatchObject({
			unschedulable: expect.stringContaining("1 node(s) didn't match Pod's node affinity/selector"),
		});
	});
	it('explains an unschedulable pod as the scheduler does', () => {
		const result = place(pod('16'), [node('a', '4'), node('b', '4', false)], new Map());
		expect(result).toEqual({
			unschedulable:
				'0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
		});
	});
});

describe('pod status', () => {
	const live = node('a', '4');
	it('is Running and Ready a few seconds after start', () => {
		const start = Date.parse('2026-01-01T00:00:00Z');
		const early = desiredPodStatus(pod('100m'), live, start, start + 2000, new Map());
		const later = desiredPodStatus(pod('100m'), live, start, start + 10_000, new Map());
		expect(early.phase).toBe('Running');
		expect((early.containerStatuses as {ready: boolean}[])[0]?.ready).toBe(false);
		expect((later.containerStatuses as {ready: boolean}[])[0]?.ready).toBe(true);
	});
	it('crash-loops with the annotation, and is OOM-killed past its memory limit', () => {
		const start = Date.parse('2026-01-01T00:00:00Z');
		const crashing = desiredPodStatus(
			pod('100m', {annotations: {[annotations.crash]: 'panic: boom'}}),
			live,
			start,
			start + 60_000,
			new Map(),
		);
		const c = (
			crashing.containerStatuses as {
				state: {waiting?: {reason: string}};
				lastState: {terminated?: {message?: string}};
				restartCount: number;
			}[]
		)[0];
		expect(c?.state.waiting?.reason).toBe('CrashLoopBackOff');
		expect(c?.lastState.terminated?.message).toBe('panic: boom');
		expect(c?.restartCount).toBeGreaterThan(2);
		const hungry = pod('100m', {labels: {app: 'w'}}, '256Mi');
		const oom = desiredPodStatus(
			hungry,
			live,
			start,
			start + 60_000,
			new Map([['ns.w', {memory: '400Mi'}]]),
		);
		const o = (
			oom.containerStatuses as {lastState: {terminated?: {reason: string; exitCode: number}}}[]
		)[0];
		expect(o?.lastState.terminated).toMatchObject({reason: 'OOMKilled', exitCode: 137});
	});
	it('is covered by what the server returns with its own extra fields', () => {
		const desired = {
			phase: 'Running',
			lastState: {},
			conditions: [{type: 'Ready', status: 'True'}],
		};
		expect(
			covers(
				{
					phase: 'Running',
					qosClass: 'Burstable',
					conditions: [{type: 'Ready', status: 'True', lastProbeTime: null}],
				},
				desired,
			),
		).toBe(true);
		expect(covers({phase: 'Pending', conditions: [{type: 'Ready', status: 'True'}]}, desired)).toBe(
			false,
		);
	});
});

describe('logs', () => {
	const start = Date.parse('2026-01-01T00:00:00Z');
	it('follows without losing or repeating a line', () => {
		const run = {startedAt: start};
		const seen = runLines('app', 'c', run, start + 10_000).map((l) => l.at);
		let last = start + 10_000;
		for (let t = last + 700; t < start + 60_000; t += 700) {
			seen.push(...linesAfter('app', 'c', run, last, t).map((l) => l.at));
			last = t;
		}
		expect(seen).toEqual(runLines('app', 'c', run, last).map((l) => l.at));
	});
	it('ends a crashed run with its exit message and honours tail', () => {
		const run = {startedAt: start, finishedAt: start + 4000, exitMessage: 'panic: boom'};
		expect(runLines('app', 'c', run, start + 9000).at(-1)?.text).toBe('panic: boom');
		expect(runLines('app', 'c', {startedAt: start}, start + 60_000, {tail: 3})).toHaveLength(3);
	});
});

describe('quantities and selectors', () => {
	it('parses and formats like metrics-server', () => {
		expect(parseQuantity('250m')).toBe(0.25);
		expect(parseQuantity('1Gi')).toBe(2 ** 30);
		expect(formatCpu(0.25)).toBe('250000000n');
		expect(formatMemory(2 ** 20)).toBe('1024Ki');
	});
	it('matches equality label selectors', () => {
		expect(matchesSelector({app: 'x', tier: 'web'}, 'app=x,tier!=db')).toBe(true);
		expect(matchesSelector({app: 'x'}, 'app=y')).toBe(false);
		expect(matchesSelector({app: 'x'}, null)).toBe(true);
	});
});
