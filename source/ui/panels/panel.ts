import type {
	CertificateRef,
	DeploymentRef,
	PodRef,
	PvcRef,
	WorkloadRef,
} from '../../actions/mitigations.ts';
import type {StoreState} from '../../engine/store.ts';
import type {SourceId} from '../../model/index.ts';
import type {StepView} from '../../runbook/evaluate.ts';
import type {TimelineState} from '../../timeline/timeline.ts';
import type {PanelId} from '../panel-ids.ts';
import type {Tone} from '../state.ts';

/** What a selected row lets the keys act on. */
export type Selection =
	| {
			readonly kind: 'deployment';
			readonly ref: DeploymentRef;
			readonly replicas: number;
			readonly memoryLimit?: string | null;
	  }
	/** A StatefulSet or DaemonSet in the Deployments panel. */
	| {readonly kind: 'workload'; readonly ref: WorkloadRef; readonly replicas: number}
	| {readonly kind: 'pod'; readonly ref: PodRef; readonly node?: string | null}
	| {readonly kind: 'node'; readonly name: string}
	| {readonly kind: 'kafka-group'; readonly group: string}
	| {readonly kind: 'alert'; readonly name: string; readonly namespace: string | null}
	/** A quick check of the Alerts & health strip; `kind` is its check kind (command, http …). */
	| {readonly kind: 'check'; readonly name: string; readonly checkKind: string | null}
	| {readonly kind: 'certificate'; readonly ref: CertificateRef}
	/** A PostgreSQL backend (a long query, a blocked query or the one holding the lock). */
	| {readonly kind: 'backend'; readonly pid: number}
	/** A PersistentVolumeClaim in the Disk view. */
	| {readonly kind: 'pvc'; readonly ref: PvcRef; readonly capacityBytes: number}
	/** The Disk view's rotated-logs line: what the cleanup deletes. */
	| {readonly kind: 'rotated-logs'; readonly root: string}
	/** A step of the `:runbook` pane. */
	| {readonly kind: 'runbook-step'; readonly section: string; readonly title: string};

export interface PanelLine {
	readonly key: string;
	/** Already fitted to the panel's width. */
	readonly text: string;
	readonly tone?: Tone;
	/** What `/` matches; the text when absent. */
	readonly match?: string;
	readonly selection?: Selection;
	/** More about the row, drawn under it while it is selected in the focused panel. */
	readonly detail?: readonly string[];
}

export interface PanelView {
	/** One line beside the title: counts that matter at a glance. */
	readonly summary: string;
	readonly summaryTone?: Tone;
	/** Column headings, fitted to the width. */
	readonly header?: string;
	readonly lines: readonly PanelLine[];
	/** Shown when there are no lines (and no filter hides them). */
	readonly empty: string;
}

/** A panel's view and the lines its filter leaves, as the app computed them this frame. */
export interface VisiblePanel {
	readonly view: PanelView;
	readonly lines: readonly PanelLine[];
}

export interface PanelContext {
	readonly store: StoreState;
	readonly timeline: TimelineState;
	readonly now: number;
	readonly problemsOnly: boolean;
	readonly topSort: 'cpu' | 'memory';
	/** The runbook's steps as they stand (runbook/progress.ts), for the `:runbook` pane. */
	readonly runbook?: readonly StepView[];
}

/**
 * A panel as data: which source it shows and how its rows look at a width.
 * One generic component renders every panel, so focus, filter, cursor and
 * source states behave the same everywhere.
 */
export interface PanelDefinition {
	readonly id: PanelId;
	readonly title: string;
	/** The sources whose state (loading, error, stale…) the panel shows; none for the timeline. */
	readonly sources: readonly SourceId[];
	/** Other sources whose data it reads (Alerts lists Certificates): its view is made again when they change. */
	readonly alsoReads?: readonly SourceId[];
	/** Newest at the bottom: the view follows the tail, the cursor counts from the end. */
	readonly tail?: boolean;
	view(context: PanelContext, width: number): PanelView;
}

/** The data of a panel's source, or null when there is none yet. */
export function dataOf<K extends SourceId>(context: PanelContext, id: K) {
	const slot = context.store.slots[id];
	return slot.phase === 'not-configured' ? null : slot.data;
}

/** "reconnecting · " while a Kubernetes watch is being restarted: the rows may be behind. */
export function reconnectingNote(context: PanelContext): string {
	return (dataOf(context, 'kubernetes')?.reconnecting?.length ?? 0) > 0 ? 'reconnecting · ' : '';
}
