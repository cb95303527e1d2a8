import {describe, expect, it} from 'vitest';
import type {PodRow} from '../../source/model/index.ts';
import {podForLogs} from '../../source/ui/pod-for-logs.ts';
import {podRow} from '../support/panel-view.ts';

const pod = (name: string, fields: Partial<PodRow>) =>
	podRow(name, {createdAt: 1000, deployment: 'api', ...fields});

describe('the pod kubectl logs deployment/NAME reads (ByLogging)', () => {
	it('prefers scheduled, Running, ready, most restarted, oldest — in that order', () => {
		const pick = (...pods: PodRow[]) => podForLogs(pods, 'shop', 'api')?.name;
		expect(pick(pod('unscheduled', {node: null}), pod('scheduled', {status: 'Pending'}))).toBe(
			'scheduled',
		);
		expect(pick(pod('pending', {status: 'Pending'}), pod('running', {ready: '0/1'}))).toBe(
			'running',
		);
		expect(pick(pod('not-ready', {ready: '0/1'}), pod('ready', {}))).toBe('ready');
		expect(pick(pod('calm', {}), pod('restarted', {restarts: 4}))).toBe('restarted');
		expect(pick(pod('newer', {createdAt: 2000}), pod('older', {createdAt: 1000}))).toBe('older');
	});

	it("takes only the deployment's own pods", () => {
		const pods = [pod('other', {deployment: 'worker'}), pod('elsewhere', {namespace: 'x'})];
		expect(podForLogs(pods, 'shop', 'api')).toBeUndefined();
	});
});
