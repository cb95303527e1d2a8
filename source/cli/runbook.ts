import type {Condition} from '../config/index.ts';
import {type Config, ConfigError, loadConfig, sourceConfigured} from '../config/index.ts';
import {conditionSource} from '../runbook/conditions.ts';
import {defaultRunbook} from '../runbook/default-runbook.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {uiConfigProblems} from '../ui/runbook-step-actions.ts';
import type {Io} from './io.ts';
import {loadIncident} from './resume.ts';

/** A condition in words, as `irtop runbook` prints it. */
export function describeCondition(condition: Condition): string {
	if ('alertsFiring' in condition) return `at most ${condition.alertsFiring} alerts firing`;
	if ('errorRatioBelow' in condition) {
		const {service, threshold, forMinutes} = condition.errorRatioBelow;
		return `5xx ratio of ${service ?? 'every service'} below ${threshold === undefined ? 'the threshold' : `${threshold * 100} %`}${forMinutes > 0 ? ` for ${forMinutes} min` : ''}`;
	}
	if ('podsNotRunning' in condition)
		return `at most ${condition.podsNotRunning.max} pods not Running${condition.podsNotRunning.namespace ? ` in ${condition.podsNotRunning.namespace}` : ''}`;
	if ('deploymentReady' in condition)
		return `deployment ${condition.deploymentReady.namespace}/${condition.deploymentReady.name} ready`;
	if ('kafkaLagBelow' in condition)
		return `lag of ${condition.kafkaLagBelow.group ?? 'every group'} at most ${condition.kafkaLagBelow.max}`;
	if ('pgConnectionsBelow' in condition)
		return `PostgreSQL connections below ${condition.pgConnectionsBelow.ratio * 100} % of max`;
	if ('checkPassing' in condition) return `check ${condition.checkPassing} passing`;
	if ('statusIs' in condition) return `status is ${condition.statusIs} or later`;
	return `timeline has a ${condition.timeline.kind}${condition.timeline.contains ? ` containing "${condition.timeline.contains}"` : ''}`;
}

/** The configured runbook, or the built-in one. */
export const effectiveRunbook = (config: Config) => config.runbook ?? defaultRunbook;

/** The runbook as text: sections, steps, what marks each done (and when it cannot be seen here). */
export function runbookText(config: Config, env: NodeJS.ProcessEnv): string {
	const lines: string[] = [
		config.runbook ? 'Runbook (from the config)' : 'Runbook (built in, from the seed runbook)',
	];
	for (const {section, steps} of effectiveRunbook(config)) {
		lines.push('', section);
		for (const step of steps) {
			const source = step.doneWhen ? conditionSource(step.doneWhen) : null;
			const unseen =
				source && !sourceConfigured(config, source, {env})
					? ` (${source} is not configured: by hand)`
					: '';
			const when = step.doneWhen
				? `done when ${describeCondition(step.doneWhen)}${unseen}`
				: 'done by hand (x)';
			const check = step.check ? ` · blocked while check ${step.check} fails` : '';
			const actions = step.actions?.length ? ` · actions: ${step.actions.join(', ')}` : '';
			lines.push(`  [ ] ${step.title} — ${when}${check}${actions}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

/** `irtop runbook [--check FILE]`: print the effective runbook, or validate a file (exit 2 on an error). */
export async function runRunbook(
	config: Config,
	checkFile: string | undefined,
	io: Io,
): Promise<number> {
	if (checkFile === undefined) {
		io.stdout.write(runbookText(config, io.env));
		return 0;
	}
	try {
		const {config: checked} = await loadConfig({
			path: checkFile,
			env: {},
			refine: uiConfigProblems,
		});
		const steps = effectiveRunbook(checked).reduce((n, s) => n + s.steps.length, 0);
		io.stdout.write(
			`${checkFile}: ok, ${steps} steps${checked.runbook ? '' : ' (no runbook: key, the built-in one)'}\n`,
		);
		return 0;
	} catch (error) {
		if (error instanceof ConfigError) {
			io.stderr.write(`irtop: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
}

/**
 * The timeline `snapshot --json` evaluates the runbook against: the session's
 * when it has an incident (`--incident`), else the latest journaled incident
 * still open, so the steps marked by hand in the dashboard show as
 * `done-by-hand`. A snapshot only reads it: nothing is recorded.
 */
export function runbookTimeline(
	session: TimelineState,
	env: NodeJS.ProcessEnv,
	configuredDir: string | undefined,
): {readonly timeline: TimelineState; readonly incidentId: string | null} {
	if (session.incident) return {timeline: session, incidentId: session.incident.id};
	try {
		const latest = loadIncident(env, undefined, configuredDir);
		if (latest.incident.status === 'resolved') return {timeline: session, incidentId: null};
		return {
			timeline: {incident: latest.incident, events: latest.events},
			incidentId: latest.incident.id,
		};
	} catch {
		// No journal, nothing recorded yet, or unreadable: the live state alone.
		return {timeline: session, incidentId: null};
	}
}
