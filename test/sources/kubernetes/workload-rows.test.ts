// The rollout words are kubectl's (rollout_status.go); objects here are shaped
// as the API sends them, partial ones included.
import type {V1ControllerRevision, V1DaemonSet, V1StatefulSet} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {
	controllerRevisions,
	daemonSetRollout,
	daemonSetRow,
	statefulSetRollout,
	statefulSetRow,
} from '../../../source/sources/kubernetes/workload-rows.ts';

const sts = (status: V1StatefulSet['status'], spec: Partial<V1StatefulSet['spec']> = {}) =>
	({
		metadata: {name: 'postgresql', namespace: 'platform-observability', generation: 4},
		spec: {replicas: 3, selector: {}, serviceName: 'postgresql', template: {}, ...spec},
		status,
	}) as V1StatefulSet;

const ds = (status: V1DaemonSet['status']) =>
	({
		metadata: {name: 'fluent-bit', namespace: 'platform-observability', generation: 2},
		spec: {selector: {}, template: {spec: {containers: [{name: 'f', image: 'fluent-bit:3'}]}}},
		status,
	}) as V1DaemonSet;

const done = {
	observedGeneration: 4,
	replicas: 3,
	readyReplicas: 3,
	updatedReplicas: 3,
	availableReplicas: 3,
	currentRevision: 'postgresql-6c9',
	updateRevision: 'postgresql-6c9',
};

describe('StatefulSet rollout', () => {
	it('is complete once every replica is ready on the update revision', () => {
		expect(statefulSetRollout(sts(done))).toBe('complete');
	});
	it('progresses while the controller has not seen the newest generation', () => {
		expect(statefulSetRollout(sts({...done, observedGeneration: 3}))).toBe('progressing');
	});
	it('progresses while a replica is not ready or the revisions differ', () => {
		expect(statefulSetRollout(sts({...done, readyReplicas: 2}))).toBe('progressing');
		expect(statefulSetRollout(sts({...done, updateRevision: 'postgresql-7aa'}))).toBe(
			'progressing',
		);
	});
	it('a partitioned update is complete when the pods from the partition up are updated', () => {
		const partitioned = {type: 'RollingUpdate', rollingUpdate: {partition: 2}};
		const status = {...done, updatedReplicas: 1, updateRevision: 'postgresql-7aa'};
		expect(statefulSetRollout(sts(status, {updateStrategy: partitioned}))).toBe('complete');
		expect(
			statefulSetRollout(sts({...status, updatedReplicas: 0}, {updateStrategy: partitioned})),
		).toBe('progressing');
	});
	it('a StatefulSet without status is progressing, not a crash', () => {
		expect(statefulSetRollout({} as V1StatefulSet)).toBe('progressing');
		expect(statefulSetRow({} as V1StatefulSet, new Map())).toMatchObject({
			kind: 'statefulset',
			name: '',
			desired: 1,
			ready: 0,
			revision: null,
		});
	});
});

describe('DaemonSet rollout', () => {
	const full = {
		observedGeneration: 2,
		desiredNumberScheduled: 3,
		currentNumberScheduled: 3,
		numberMisscheduled: 0,
		numberReady: 3,
		updatedNumberScheduled: 3,
		numberAvailable: 3,
	};
	it('is complete when every node runs an updated, available pod', () => {
		expect(daemonSetRollout(ds(full))).toBe('complete');
	});
	it('progresses while nodes wait for the new pod or it is not available yet', () => {
		expect(daemonSetRollout(ds({...full, updatedNumberScheduled: 2}))).toBe('progressing');
		expect(daemonSetRollout(ds({...full, numberAvailable: 2}))).toBe('progressing');
		expect(daemonSetRollout(ds({...full, observedGeneration: 1}))).toBe('progressing');
	});
	it('desired is the nodes it should run on; ready, images from the template', () => {
		expect(daemonSetRow(ds({...full, numberReady: 2}), new Map())).toMatchObject({
			kind: 'daemonset',
			desired: 3,
			ready: 2,
			images: ['fluent-bit:3'],
		});
	});
});

describe('revisions', () => {
	const revision = (kind: string, name: string, n: number): V1ControllerRevision => ({
		metadata: {
			name: `${name}-${n}`,
			namespace: 'platform-observability',
			ownerReferences: [{apiVersion: 'apps/v1', kind, name, uid: 'u', controller: true}],
		},
		revision: n,
	});
	it('the newest ControllerRevision of each owner, by kind', () => {
		const revisions = controllerRevisions([
			revision('StatefulSet', 'postgresql', 2),
			revision('StatefulSet', 'postgresql', 5),
			revision('StatefulSet', 'postgresql', 4),
			revision('DaemonSet', 'postgresql', 1),
			{metadata: {name: 'orphan'}, revision: 9},
		]);
		expect(statefulSetRow(sts(done), revisions).revision).toBe(5);
		expect(
			daemonSetRow(
				{...ds(undefined), metadata: {name: 'postgresql', namespace: 'platform-observability'}},
				revisions,
			).revision,
		).toBe(1);
	});
});
