import {type CheckConfig, resolveProcessEnv} from '../../../config/index.ts';
import {sanitizeText} from '../../../format/sanitize.ts';
import {describeResult, startProcess} from '../../../process/run-process.ts';
import type {CheckOutcome} from '../check.ts';

const lastLine = (text: string): string =>
	text
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.at(-1) ?? '';

/**
 * Runs a command check: argv as written (or its script under /bin/sh -c when
 * `shell: true`), in its own process group so a timeout or irtop stopping
 * kills the script's children too. Passes on exit 0, or on `expect` matching
 * the output when one is given.
 */
export async function runCommandCheck(
	check: CheckConfig & {command: readonly string[]},
	signal: AbortSignal,
	environment: NodeJS.ProcessEnv = process.env,
): Promise<CheckOutcome> {
	// `${NAME}` values come from irtop's environment; the secrets never reach the output kept.
	const env = resolveProcessEnv(check.env, environment);
	if (!env.ok)
		return {ok: false, latencyMs: null, detail: env.error, certDaysLeft: null, output: ''};
	const running = startProcess(
		{
			argv: check.command,
			shell: check.shell,
			...(check.cwd ? {cwd: check.cwd} : {}),
			...(check.env ? {env: env.env} : {}),
			secrets: env.secrets,
			timeoutMs: check.timeoutMs,
		},
		undefined,
		// A check that ignored SIGTERM gets little grace: the next round is coming.
		1000,
	);
	const cancel = () => running.cancel();
	signal.addEventListener('abort', cancel, {once: true});
	try {
		const result = await running.done;
		const text = result.output.text();
		const output = sanitizeText(text, 64 * 1024);
		const status = describeResult(result, check.timeoutMs);
		const finished = !result.spawnError && !result.timedOut && !result.cancelled;
		const matched =
			check.expect === undefined ? result.exitCode === 0 : new RegExp(check.expect).test(text);
		const ok = finished && matched;
		const last = lastLine(output);
		const why =
			finished && !ok && check.expect !== undefined
				? `output does not match /${check.expect}/`
				: status;
		return {
			ok,
			latencyMs: result.durationMs,
			detail: ok ? status : `${why}${last ? ` · ${last}` : ''}`,
			certDaysLeft: null,
			output,
		};
	} finally {
		signal.removeEventListener('abort', cancel);
	}
}
