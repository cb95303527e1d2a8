import {describe, expect, it} from 'vitest';
import {parse, parseError, yaml} from './helpers.ts';

describe('disk', () => {
	it('defaults to the runbook: /var/log measured, *.gz older than 30 days cleaned there', () => {
		expect(parse('').disk).toEqual({
			paths: ['/var/log'],
			rotatedLogs: '/var/log',
			rotatedDays: 30,
			budgetSeconds: 5,
		});
	});

	it('takes other absolute paths and refuses relative ones, naming the field', () => {
		expect(parse(yaml('disk:', '  paths: [/srv/logs, /var/lib/docker]')).disk.paths).toEqual([
			'/srv/logs',
			'/var/lib/docker',
		]);
		expect(parseError(yaml('disk:', '  rotatedLogs: var/log')).message).toContain(
			'disk.rotatedLogs: must be an absolute path',
		);
		expect(parseError(yaml('disk:', '  rotatedDays: 0')).message).toContain(
			'disk.rotatedDays: must be greater than 0',
		);
	});
});
