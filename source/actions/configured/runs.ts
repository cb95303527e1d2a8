import type {BoundedOutput} from '../../process/bounded-output.ts';

/** One configured action started from the UI: its live output, and how it ended. */
export interface ActionRun {
	readonly id: number;
	readonly actionId: string;
	readonly title: string;
	/** The command line as the confirmation showed it. */
	readonly command: string;
	readonly startedAt: number;
	readonly output: BoundedOutput;
	/** null while it runs. */
	readonly finished: {readonly ok: boolean; readonly message: string; readonly at: number} | null;
	readonly cancel: () => void;
}

export interface RunsSnapshot {
	readonly runs: readonly ActionRun[];
	/** Bumped on every change, output included: the overlay's cue to redraw. */
	readonly version: number;
}

const keep = 20;
// A command printing thousands of lines a second redraws the overlay at most this often.
const outputFrameMs = 100;

/**
 * The configured actions run in this session, for the output overlay and the
 * status bar (subscribe/getSnapshot, like the store). Bounded to the last 20.
 */
export class ActionRuns {
	#snapshot: RunsSnapshot = {runs: [], version: 0};
	readonly #listeners = new Set<() => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#nextId = 1;
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	getSnapshot = (): RunsSnapshot => this.#snapshot;

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	start(fields: Omit<ActionRun, 'id' | 'startedAt' | 'finished'>): number {
		const run: ActionRun = {...fields, id: this.#nextId++, startedAt: this.#now(), finished: null};
		this.#publish([...this.#snapshot.runs, run].slice(-keep));
		return run.id;
	}

	/** Output arrived: publish, at most once per frame. */
	touched(): void {
		this.#timer ??= setTimeout(() => {
			this.#timer = undefined;
			this.#publish(this.#snapshot.runs);
		}, outputFrameMs);
		this.#timer.unref?.();
	}

	finish(id: number, ok: boolean, message: string): void {
		this.#publish(
			this.#snapshot.runs.map((run) =>
				run.id === id ? {...run, finished: {ok, message, at: this.#now()}} : run,
			),
		);
	}

	running(): readonly ActionRun[] {
		return this.#snapshot.runs.filter((run) => run.finished === null);
	}

	#publish(runs: readonly ActionRun[]): void {
		this.#snapshot = {runs, version: this.#snapshot.version + 1};
		for (const listener of this.#listeners) listener();
	}
}
