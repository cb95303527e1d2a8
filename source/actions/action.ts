/** What an action acts on, named the way the confirmation shows it. */
export interface ActionTarget {
	readonly context: string | null;
	readonly namespace: string | null;
	/** e.g. "deployment/onboarding-api" or "backend 4242". */
	readonly object: string;
}

export type Permission =
	| {readonly allowed: true}
	| {readonly allowed: false; readonly reason: string};

export interface ActionOutcome {
	readonly ok: boolean;
	/** One line for the status bar and the timeline: what happened, or the server's own error. */
	readonly message: string;
	/** More for the timeline (a configured action's argv, exit code, duration, first and last lines). */
	readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A mitigation as data. The UI asks for confirmation showing `title`,
 * `target` and `command` (what a human would type to do the same), then
 * calls `run`; the outcome goes to the timeline with the command.
 */
export interface Action {
	readonly id: string;
	readonly title: string;
	readonly target: ActionTarget;
	/** The exact equivalent command: `kubectl rollout restart deployment/x -n y`, or the SQL. */
	readonly command: string;
	/** Extra lines for the confirmation (e.g. the images a rollback changes). */
	readonly details?: readonly string[];
	/** Checked before the key is offered; a forbidden action is shown disabled with the reason. */
	checkPermission?(signal: AbortSignal): Promise<Permission>;
	run(signal: AbortSignal): Promise<ActionOutcome>;
}
