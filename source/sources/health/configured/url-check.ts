import type {CheckConfig} from '../../../config/index.ts';
import {type HttpResponse, httpFetch} from '../../../net/fetch.ts';
import {networkReason, safeUrl, splitCredentials} from '../../shared/http.ts';
import type {CheckOutcome} from '../check.ts';

const bodyLimit = 64 * 1024;

async function readBounded(response: HttpResponse): Promise<string> {
	if (!response.body) return '';
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	while (size < bodyLimit) {
		const {done, value} = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.length;
	}
	await reader.cancel().catch(() => {});
	return Buffer.concat(chunks).subarray(0, bodyLimit).toString('utf8');
}

/** An HTTP check: the method, the expected status (else any 2xx/3xx) and an optional body match. */
export async function runUrlCheck(
	check: CheckConfig & {url: string},
	signal: AbortSignal,
): Promise<CheckOutcome> {
	const started = performance.now();
	try {
		const {target, authorization} = splitCredentials(check.url);
		const response = await httpFetch(target, {
			method: check.method ?? 'GET',
			signal,
			// A redirect is an answer (3xx passes, like curl -f); following it could leave the host.
			redirect: 'manual',
			headers: {'user-agent': 'irtop', ...(authorization ? {authorization} : {})},
		});
		const status = response.status;
		const statusOk =
			check.expectStatus === undefined
				? status >= 200 && status < 400
				: status === check.expectStatus;
		const body = check.expect === undefined ? '' : await readBounded(response);
		if (check.expect === undefined) await response.body?.cancel().catch(() => {});
		const bodyOk = check.expect === undefined || new RegExp(check.expect).test(body);
		const detail = !statusOk
			? `HTTP ${status}${check.expectStatus === undefined ? '' : `, expected ${check.expectStatus}`}`
			: bodyOk
				? `HTTP ${status}`
				: `HTTP ${status}, body does not match /${check.expect}/`;
		return {
			ok: statusOk && bodyOk,
			latencyMs: performance.now() - started,
			detail,
			certDaysLeft: null,
		};
	} catch (error) {
		return {
			ok: false,
			latencyMs: null,
			detail: `${safeUrl(check.url)}: ${signal.aborted ? 'timed out' : networkReason(error)}`,
			certDaysLeft: null,
		};
	}
}
