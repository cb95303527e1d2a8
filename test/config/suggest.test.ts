import {describe, expect, it} from 'vitest';
import {closestKey} from '../../source/config/suggest.ts';

describe('closestKey', () => {
	const prometheus = ['url', 'serviceLabel', 'statusLabel', 'errorThreshold', 'window', 'services'];

	it.each([
		['errorTreshold', 'errorThreshold'],
		['error_threshold', 'errorThreshold'],
		['ErrorThreshold', 'errorThreshold'],
		['service', 'services'],
		['windows', 'window'],
		['uri', 'url'],
		['URL', 'url'],
	])('%s → %s', (typo, key) => {
		expect(closestKey(typo, prometheus)).toBe(key);
	});

	it('prefers nothing to a far-fetched guess', () => {
		expect(closestKey('grafana', prometheus)).toBeNull();
		expect(closestKey('x', prometheus)).toBeNull();
		expect(closestKey('anything', [])).toBeNull();
	});

	it('completes a prefix', () => {
		expect(closestKey('webhook', ['webhookUrl'])).toBe('webhookUrl');
	});
});
