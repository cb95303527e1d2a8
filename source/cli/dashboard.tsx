import {render} from 'ink';
import {ActionRuns} from '../actions/configured/runs.ts';
import {notifiersFromConfig} from '../notify/from-config.ts';
import {shareStatusText} from '../timeline/share/status-text.ts';
import {App} from '../ui/app.tsx';
import {installConfiguredCommands} from '../ui/commands.ts';
import {configuredCommandRows} from '../ui/configured-commands.ts';
import {ServicesContext} from '../ui/services.ts';
import type {Options} from './args.ts';
import {measureImpact} from './impact.ts';
import type {Session} from './session.ts';
import {podThrottling} from './throttling.ts';
import {traceFirstFrame} from './trace.ts';

/**
 * Runs the full-screen dashboard until the user quits or the terminal goes
 * away. The alternate screen is left on every way out (q, Ctrl-C, SIGTERM,
 * SIGHUP), so the shell the user comes back to is as it was.
 */
export async function runDashboard(session: Session, options: Options): Promise<number> {
	let quitting = false;
	const quit = () => {
		if (quitting) return;
		quitting = true;
		instance.unmount();
	};
	// The team's actions become rows of the one command table: keys, help, status bar, read-only.
	installConfiguredCommands(configuredCommandRows(session.actions));
	const {notifiers, oncall} = notifiersFromConfig(session.config);
	oncall?.start();
	session.presence?.start();
	const share = session.share;
	const services = {
		store: session.store,
		timeline: session.timeline,
		mitigations: session.mitigations,
		podLogs: session.podLogs,
		logSearch: session.logSearch,
		describePod: session.describePod,
		// The demo has no Prometheus: its view says there are no cAdvisor series.
		podThrottling: session.demo
			? undefined
			: (pod: {namespace: string; name: string}, signal: AbortSignal) =>
					podThrottling(session.config, pod, signal),
		readOnly: options.readOnly,
		color: options.color,
		kubeContext: session.kubeContext,
		namespace: session.namespace,
		intervalMs: session.intervalMs,
		refresh: () => session.scheduler.refresh(),
		journalDir: session.journalDir,
		escalation: session.config.escalation,
		notifiers,
		configuredActions: session.actions,
		runbook: session.runbook,
		runbookTarget: {
			namespace: session.config.mitigations.defaultTarget.namespace,
			name: session.config.mitigations.defaultTarget.deployment,
		},
		actionRuns: new ActionRuns(),
		oncall: oncall?.current,
		presence: share ? () => everyoneElse(session, share) : session.presence?.others,
		...(share ? {sharing: (narrow: boolean) => shareStatusText(share.status(), narrow)} : {}),
		measureImpact: (from: number, to: number) => measureImpact(session.config, from, to),
		quit,
	};
	const {incident, events} = session.timeline.getSnapshot();
	const message = !session.journalDir
		? {text: 'no journal (HOME is not set): notes live in memory only', tone: 'error' as const}
		: session.warnings.length > 0
			? {text: `resumed; ${session.warnings.join('; ')}`, tone: 'warn' as const}
			: options.resume && incident
				? {text: `resumed ${incident.id}: ${events.length} events · :timeline`, tone: 'ok' as const}
				: session.demo === 'nothing-configured'
					? {
							text: 'nothing is configured, so this is the built-in demo: see docs/configuration.md',
							tone: 'warn' as const,
						}
					: session.demo === 'flag'
						? {
								text: 'demo incident: try :deploy, then r (restart) or s (scale) on onboarding-api',
								tone: 'accent' as const,
							}
						: null;
	const instance = render(
		<ServicesContext value={services}>
			<App initialUi={{message}} />
		</ServicesContext>,
		{
			// main() has checked that stdout is a terminal. Ink would otherwise turn
			// itself non-interactive (final frame only) wherever CI=true is set.
			interactive: true,
			alternateScreen: true,
			// Rewrites only the lines that changed; IRTOP_FULL_REDRAW=1 turns it off for the benchmark's comparison.
			incrementalRendering: process.env.IRTOP_FULL_REDRAW !== '1',
			onRender: traceFirstFrame(session),
			exitOnCtrlC: false,
			patchConsole: true,
			// Data frames are already batched (store: one per 66 ms); the frame cap only
			// delays the answer to a key, by up to 1/maxFps (67 ms at 15 in the benchmark).
			maxFps: 60,
		},
	);
	const signals = ['SIGTERM', 'SIGHUP'] as const;
	for (const signal of signals) process.once(signal, quit);
	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of signals) process.off(signal, quit);
		oncall?.stop();
		await session.close();
	}
	return 0;
}

/** This host's other irtops (presence files) and every host's (Redis), each once. */
function everyoneElse(session: Session, share: NonNullable<Session['share']>): string[] {
	return [...new Set([...(session.presence?.others() ?? []), ...share.others()])].sort();
}
