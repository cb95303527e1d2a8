import type {V1Pod} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {podColumns} from '../../../source/sources/kubernetes/pod-status.ts';
import {eventRow, nodeRow, podRow} from '../../../source/sources/kubernetes/rows.ts';

const pod = (status: object, spec: object = {containers: [{name: 'app'}]}, meta: object = {}) =>
	({metadata: {name: 'p', namespace: 'ns', ...meta}, spec, status}) as unknown as V1Pod;

describe('pod STATUS as kubectl prints it', () => {
	it('uses a waiting reason over the phase', () => {
		const p = pod({
			phase: 'Running',
			containerStatuses: [
				{
					name: 'app',
					ready: false,
					restartCount: 4,
					state: {waiting: {reason: 'CrashLoopBackOff'}},
					lastState: {terminated: {exitCode: 1, finishedAt: '2026-01-01T00:00:00Z'}},
				},
			],
		});
		expect(podColumns(p)).toEqual({
			status: 'CrashLoopBackOff',
			ready: '0/1',
			restarts: 4,
			lastRestartAt: Date.parse('2026-01-01T00:00:00Z'),
		});
	});

	it('says Init:N/M, Init:<reason> and Init:ExitCode', () => {
		const spec = {initContainers: [{name: 'a'}, {name: 'b'}], containers: [{name: 'app'}]};
		const done = {name: 'a', state: {terminated: {exitCode: 0}}};
		expect(
			podColumns(
				pod(
					{phase: 'Pending', initContainerStatuses: [done, {name: 'b', state: {running: {}}}]},
					spec,
				),
			).status,
		).toBe('Init:1/2');
		expect(
			podColumns(
				pod(
					{
						phase: 'Pending',
						initContainerStatuses: [{name: 'a', state: {waiting: {reason: 'ImagePullBackOff'}}}],
					},
					spec,
				),
			).status,
		).toBe('Init:ImagePullBackOff');
		expect(
			podColumns(
				pod(
					{
						phase: 'Pending',
						initContainerStatuses: [{name: 'a', state: {terminated: {exitCode: 3}}}],
					},
					spec,
				),
			).status,
		).toBe('Init:ExitCode:3');
	});

	it('says Terminating, Unknown for a lost node, Completed, ExitCode and Pending', () => {
		const running = {name: 'app', ready: true, state: {running: {}}};
		expect(
			podColumns(
				pod({phase: 'Running', containerStatuses: [running]}, undefined, {
					deletionTimestamp: '2026-01-01T00:00:00Z',
				}),
			).status,
		).toBe('Terminating');
		expect(
			podColumns(
				pod({phase: 'Running', reason: 'NodeLost'}, undefined, {
					deletionTimestamp: '2026-01-01T00:00:00Z',
				}),
			).status,
		).toBe('Unknown');
		expect(
			podColumns(
				pod({
					phase: 'Succeeded',
					containerStatuses: [
						{name: 'app', state: {terminated: {exitCode: 0, reason: 'Completed'}}},
					],
				}),
			).status,
		).toBe('Completed');
		expect(
			podColumns(
				pod({
					phase: 'Running',
					containerStatuses: [{name: 'app', state: {terminated: {exitCode: 137}}}],
				}),
			).status,
		).toBe('ExitCode:137');
		expect(podColumns(pod({phase: 'Pending'})).status).toBe('Pending');
		expect(podColumns(pod({phase: 'Running', containerStatuses: [running]}))).toMatchObject({
			status: 'Running',
			ready: '1/1',
		});
	});

	it('counts a started sidecar (restartable init container) as ready', () => {
		const spec = {
			initContainers: [{name: 's', restartPolicy: 'Always'}],
			containers: [{name: 'app'}],
		};
		const p = pod(
			{
				phase: 'Running',
				conditions: [{type: 'Initialized', status: 'True'}],
				initContainerStatuses: [
					{name: 's', started: true, ready: true, restartCount: 1, state: {running: {}}},
				],
				containerStatuses: [{name: 'app', ready: true, state: {running: {}}}],
			},
			spec,
		);
		expect(podColumns(p)).toMatchObject({status: 'Running', ready: '2/2', restarts: 1});
	});
});

describe('objects missing optional fields', () => {
	it('never throw', () => {
		expect(() => podRow({} as V1Pod, new Map())).not.toThrow();
		expect(podRow({} as V1Pod, new Map())).toMatchObject({
			status: '',
			ready: '0/0',
			createdAt: null,
		});
		expect(() => nodeRow({}, 0, null)).not.toThrow();
		expect(eventRow({involvedObject: {}, metadata: {}})).toMatchObject({
			count: 1,
			lastSeenAt: null,
		});
	});

	it('cut a 1 MB event message', () => {
		const row = eventRow({
			involvedObject: {kind: 'Pod', name: 'x'},
			metadata: {},
			message: 'x'.repeat(1 << 20),
		});
		expect(row.message.length).toBeLessThanOrEqual(8192);
		expect(row.object).toBe('pod/x');
	});
});
