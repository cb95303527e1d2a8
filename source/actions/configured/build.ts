import {type ActionConfig, describeProcessEnv, resolveProcessEnv} from '../../config/index.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {describeResult, execArgv, startProcess} from '../../process/run-process.ts';
import type {Action, ActionTarget} from '../action.ts';
import type {ActionRuns} from './runs.ts';
import {shellLine, substitute} from './substitute.ts';

/** A configured action's values: the selected row's, the incident's and the inputs' (`input.NAME`). */
export type ActionValues = Readonly<Record<string, string | undefined>>;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A configured action as an ordinary `Action`: the confirmation shows its
 * fully substituted command, shell-quoted; `run` starts it in its own process
 * group and streams its output into `runs`; the outcome says the exit code,
 * the duration and the last line, and carries the exact argv for the timeline.
 */
export function buildConfiguredAction(
	config: ActionConfig,
	values: ActionValues,
	target: ActionTarget,
	runs: ActionRuns,
	/** Where `${NAME}` env values come from: irtop's own environment. */
	environment: NodeJS.ProcessEnv = process.env,
): {readonly ok: true; readonly action: Action} | {readonly ok: false; readonly error: string} {
	const substituted = substitute(config.command, values, config.shell);
	if (!substituted.ok) return {ok: false, error: `${config.title}: ${substituted.error}`};
	// `${NAME}` values are read now; an unset one is refused before anything is confirmed.
	const env = resolveProcessEnv(config.env, environment);
	if (!env.ok) return {ok: false, error: `${config.title}: ${env.error}`};
	const spec = {
		argv: substituted.argv,
		shell: config.shell,
		...(config.cwd ? {cwd: config.cwd} : {}),
		...(config.env ? {env: env.env} : {}),
		secrets: env.secrets,
		timeoutMs: config.timeoutMs,
	};
	const argv = execArgv(spec);
	const command = shellLine(argv);
	// The confirmation names the variables it sets, never their values.
	const envLine = describeProcessEnv(config.env);
	const action: Action = {
		id: `action:${config.id}`,
		title: config.title,
		target,
		command,
		...(envLine ? {details: [envLine]} : {}),
		async run(signal) {
			const running = startProcess(spec, () => runs.touched());
			const id = runs.start({
				actionId: config.id,
				title: config.title,
				command,
				output: running.output,
				cancel: () => running.cancel(),
			});
			const cancel = () => running.cancel();
			signal.addEventListener('abort', cancel, {once: true});
			try {
				const result = await running.done;
				// Remote text: the lines go to the status bar and the timeline.
				const lines = result.output.lines().map((line) => sanitizeLine(line, 200));
				const ok = result.exitCode === 0;
				const status = describeResult(result, config.timeoutMs);
				const last = lines.at(-1) ?? '';
				const message = `${status} in ${seconds(result.durationMs)}${last ? ` · ${last}` : ''}`;
				runs.finish(id, ok, message);
				return {
					ok,
					message,
					data: {
						argv,
						mutating: config.mutating,
						exitCode: result.exitCode,
						durationMs: Math.round(result.durationMs),
						firstLine: lines[0] ?? null,
						lastLine: lines.at(-1) ?? null,
					},
				};
			} finally {
				signal.removeEventListener('abort', cancel);
			}
		},
	};
	return {ok: true, action};
}
