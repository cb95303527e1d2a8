import {createContext, useContext} from 'react';
import type {Mitigations} from '../actions/mitigations.ts';
import type {Store} from '../engine/store.ts';
import type {Notifiers} from '../notify/notifiers.ts';
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
	/** The incident's impact from Prometheus (failed requests, peak 5xx) for the export; absent without Prometheus. */
	readonly measureImpact?: (from: number, to: number) => Promise<Impact | null>;
	/** Who is on call (PagerDuty), when configured. */
	readonly oncall?: () => string | null;
	/** The other responders on this incident now (user@host), when a journal is shared. */
	readonly presence?: () => readonly string[];
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices outside <ServicesContext>');
	return services;
}
