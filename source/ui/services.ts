import {createContext, useContext} from 'react';
import type {ActionConfig} from '../actions/configured/config.ts';
import type {ActionRuns} from '../actions/configured/runs.ts';
import type {DeploymentRef, Mitigations} from '../actions/mitigations.ts';
import type {Store} from '../engine/store.ts';
import type {LogQuery, PodDescription} from '../model/index.ts';
import type {Notifiers} from '../notify/notifiers.ts';
import type {RunbookSnapshot} from '../runbook/progress.ts';
import type {EscalationContacts} from '../timeline/escalation.ts';
import type {Impact} from '../timeline/export-markdown.ts';
import type {Timeline} from '../timeline/timeline.ts';

/** A pod's log being tailed: raw lines (the UI sanitises them), bounded by the source. */
export interface LogView {
	readonly lines: readonly string[];
	/** Lines read since the start, including those the bound has dropped. */
	readonly received: number;
	readonly error: string | null;
	readonly ended: boolean;
	stop(): void;
}

/** What the log store is asked next (the Logs search view's `/` and narrowing keys); its next poll answers. */
export interface LogSearch {
	current(): LogQuery;
	set(query: LogQuery): void;
}

/** Everything the UI talks to, handed down once from the CLI. */
export interface AppServices {
	readonly store: Store;
	readonly timeline: Timeline;
	readonly mitigations: Mitigations;
	readonly readOnly: boolean;
	readonly color: boolean;
	/** Kubernetes context and namespace for the header ("all" for -A). */
	readonly kubeContext: string | null;
	readonly namespace: string | null;
	readonly intervalMs: number;
	readonly refresh: () => void;
	readonly quit: () => void;
	readonly now?: () => number;
	/** Where the journal lives (exports go beside it); null or absent: no journal. */
	readonly journalDir?: string | null;
	/** The runbook's escalation contacts, from config. */
	readonly escalation?: EscalationContacts;
	/** Slack and status page sends, as confirmable actions; absent ones are not configured. */
	readonly notifiers?: Notifiers;
	/** Tails a pod's log (Kubernetes); absent when there is no cluster. */
	readonly podLogs?: (
		pod: {readonly namespace: string; readonly name: string},
		previous: boolean,
		onChange: () => void,
	) => LogView;
	/** One pod as `kubectl describe pod` shows it (one GET); absent when there is no cluster. */
	readonly describePod?: (
		pod: {readonly namespace: string; readonly name: string},
		signal: AbortSignal,
	) => Promise<PodDescription>;
	/** Per container, the share of CPU periods throttled (cAdvisor in Prometheus); null when there is none. */
	readonly podThrottling?: (
		pod: {readonly namespace: string; readonly name: string},
		signal: AbortSignal,
	) => Promise<ReadonlyMap<string, number> | null>;
	/** The incident's impact from Prometheus (failed requests, peak 5xx) for the export; absent without Prometheus. */
	readonly measureImpact?: (from: number, to: number) => Promise<Impact | null>;
	/** The log store's query, when one is configured (or the demo's). */
	readonly logSearch?: LogSearch;
	/** The team's configured actions (`actions:`); their keys are rows of the command table. */
	readonly configuredActions?: readonly ActionConfig[];
	/** Configured actions started in this session, with their live output. */
	readonly actionRuns?: ActionRuns;
	/** The runbook's live state (runbook/progress.ts), for the `:runbook` pane. */
	readonly runbook?: {
		readonly getSnapshot: () => RunbookSnapshot;
		readonly subscribe: (listener: () => void) => () => void;
	};
	/** What a runbook step's deployment actions act on when no deployment is selected (mitigations.defaultTarget). */
	readonly runbookTarget?: DeploymentRef;
	/** Who is on call (PagerDuty), when configured. */
	readonly oncall?: () => string | null;
	/** The other responders on this incident now (user@host), when a journal is shared. */
	readonly presence?: () => readonly string[];
	/** Sharing across hosts, as the header says it ("sharing: offline, 3 events to send"), if configured. */
	readonly sharing?: (narrow: boolean) => string;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices outside <ServicesContext>');
	return services;
}
