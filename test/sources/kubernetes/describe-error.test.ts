import {createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {describeError} from '../../../source/sources/kubernetes/watched.ts';

describe('describeError', () => {
	it('says why fetch failed (the cause), not only that it did', async () => {
		// A port that was just free: nothing listens there.
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as {port: number};
		await new Promise((resolve) => server.close(resolve));
		const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
		expect(describeError(error)).toBe(`fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
	});

	it("prefers the API server's own message from a Status body", () => {
		const body = JSON.stringify({
			kind: 'Status',
			message: 'pods is forbidden: User "x" cannot list',
		});
		expect(describeError({code: 403, body})).toBe('403: pods is forbidden: User "x" cannot list');
		expect(describeError(Object.assign(new AggregateError([], ''), {code: 'ECONNREFUSED'}))).toBe(
			'ECONNREFUSED',
		);
	});
});
