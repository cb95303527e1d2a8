import http from 'node:http';
import https from 'node:https';
import type {TLSSocket} from 'node:tls';
import {agentFor} from '../../net/node-agent.ts';
import {proxyLabel} from '../../net/proxy-env.ts';
import {networkReason, safeUrl} from '../shared/http.ts';
import type {CheckOutcome} from './check.ts';

const dayMs = 86_400_000;

/**
 * GET a health URL: the status code, the latency and, over TLS, the days
 * until the peer certificate expires (read even when the status is bad).
 */
export function httpCheck(
	url: string,
	expectStatus: number | undefined,
	signal: AbortSignal,
): Promise<CheckOutcome> {
	const started = performance.now();
	const target = new URL(url);
	const client = target.protocol === 'https:' ? https : http;
	let route: ReturnType<typeof agentFor>;
	try {
		route = agentFor(target);
	} catch (error) {
		const detail = `${safeUrl(url)}: ${error instanceof Error ? error.message : String(error)}`;
		return Promise.resolve({ok: false, latencyMs: null, detail, certDaysLeft: null});
	}
	// Named first, as in networkReason: the end of a narrow panel's line is cut.
	const via = route.proxy ? `via proxy ${proxyLabel(route.proxy)}: ` : '';
	const options = {
		signal,
		headers: {'user-agent': 'irtop'},
		...(route.agent ? {agent: route.agent} : {}),
	};
	return new Promise((resolve) => {
		const request = client.get(target, options, (response) => {
			const socket = response.socket as TLSSocket;
			let certDaysLeft: number | null = null;
			if (typeof socket.getPeerCertificate === 'function') {
				const expires = Date.parse(socket.getPeerCertificate().valid_to ?? '');
				if (Number.isFinite(expires)) certDaysLeft = Math.floor((expires - Date.now()) / dayMs);
			}
			response.resume();
			response.on('end', () => {
				const status = response.statusCode ?? 0;
				const ok =
					expectStatus === undefined ? status >= 200 && status < 400 : status === expectStatus;
				resolve({
					ok: ok && (certDaysLeft === null || certDaysLeft >= 0),
					latencyMs: performance.now() - started,
					detail: `HTTP ${status}`,
					certDaysLeft,
				});
			});
			response.on('error', (error) =>
				resolve({ok: false, latencyMs: null, detail: networkReason(error), certDaysLeft}),
			);
		});
		request.on('error', (error) =>
			resolve({
				ok: false,
				latencyMs: null,
				detail: `${safeUrl(url)}: ${via}${signal.aborted ? 'timed out' : ((error as {code?: string}).code ?? error.message)}`,
				certDaysLeft: null,
			}),
		);
	});
}
