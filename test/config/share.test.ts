import {describe, expect, it} from 'vitest';
import {redactConfig, secretValues} from '../../source/config/redact.ts';
import {parse, parseError, yaml} from './helpers.ts';

describe('timeline.share (issue 14)', () => {
	it('takes a redis:// or rediss:// URL with AUTH, a CA file and a cap', () => {
		const config = parse(
			yaml(
				'timeline:',
				'  share:',
				'    url: rediss://irtop:s3cret@redis.internal:6380',
				'    ca: /etc/irtop/ca.pem',
			),
		);
		expect(config.timeline.share).toEqual({
			url: 'rediss://irtop:s3cret@redis.internal:6380',
			ca: '/etc/irtop/ca.pem',
			maxLength: 10_000,
		});
	});

	it('IRTOP_SHARE_URL sets it, over the file', () => {
		const config = parse(yaml('timeline:', '  share: {url: "redis://file:6379"}'), {
			IRTOP_SHARE_URL: 'redis://:pw@env:6379',
		});
		expect(config.timeline.share?.url).toBe('redis://:pw@env:6379');
		expect(parse('', {IRTOP_SHARE_URL: 'redis://env:6379'}).timeline.share?.url).toBe(
			'redis://env:6379',
		);
	});

	it('an http URL, a zero cap or an unknown key is an error naming the line and field', () => {
		const error = parseError(yaml('timeline:', '  share:', '    url: http://redis:6379'));
		expect(error.message).toMatch(
			/:3:10: timeline\.share\.url: expected a redis:\/\/ or rediss:\/\/ URL/,
		);
		expect(
			parseError(yaml('timeline:', '  share: {url: "redis://r", maxLength: 0}')).message,
		).toMatch(/timeline\.share\.maxLength/);
		expect(
			parseError(yaml('timeline:', '  share: {url: "redis://r", pasword: x}')).message,
		).toMatch(/pasword/);
	});

	it('the password is a secret: redacted and scrubbed like every …url', () => {
		const config = parse(yaml('timeline:', '  share: {url: "rediss://irtop:s3cr%40t@r:6380"}'));
		expect(JSON.stringify(redactConfig(config))).not.toContain('s3cr');
		expect(secretValues(config)).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t']));
	});
});
