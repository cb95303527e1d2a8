import type {CheckConfig} from '../../../config/index.ts';
import type {CheckOutcome, QuickCheck} from '../check.ts';
import {runCommandCheck} from './command-check.ts';
import {runTcpCheck} from './tcp-check.ts';
import {runUrlCheck} from './url-check.ts';

export type ConfiguredCheckKind = 'command' | 'url' | 'tcp';

export const checkKind = (check: CheckConfig): ConfiguredCheckKind =>
	check.command !== undefined ? 'command' : check.url !== undefined ? 'url' : 'tcp';

function probe(check: CheckConfig): (signal: AbortSignal) => Promise<CheckOutcome> {
	const {command, url, tcp} = check;
	if (command !== undefined) return (signal) => runCommandCheck({...check, command}, signal);
	if (url !== undefined) return (signal) => runUrlCheck({...check, url}, signal);
	return (signal) => runTcpCheck(tcp ?? '', signal);
}

/**
 * The configured checks as quick checks of the health source. A check with a
 * longer `intervalSeconds` than the source's round answers with its last
 * outcome until it is due again: a smoke test every 10 s would be a load test.
 */
export function configuredChecks(
	checks: readonly CheckConfig[],
	now: () => number = Date.now,
): QuickCheck[] {
	return checks.map((check) => {
		const run = probe(check);
		let last: {at: number; outcome: CheckOutcome} | null = null;
		return {
			name: check.name,
			kind: checkKind(check),
			// The command kills its group at timeoutMs; the round waits a little longer for its output.
			timeoutMs: check.timeoutMs + (check.command ? 1500 : 0),
			async run(signal) {
				// 500 ms of slack: rounds come every 10 s, never exactly.
				if (last && now() - last.at < check.intervalSeconds * 1000 - 500) return last.outcome;
				const outcome = await run(signal);
				last = {at: now(), outcome};
				return outcome;
			},
		};
	});
}
