// Simulated container logs: a pure function of the pod, the container's run
// (start and end) and the clock, so every read (tail, since, follow,
// previous) agrees with every other. A line every few seconds, in the style
// of the app; errors now and then; a crashing run ends with its exit message.
import {createHash} from 'node:crypto';

export interface Run {
	/** ms */
	startedAt: number;
	/** ms; undefined while it runs. */
	finishedAt?: number;
	/** The last line of a run that crashed (the crash annotation's message). */
	exitMessage?: string;
	/** OOM-killed: the log simply stops, after memory warnings. */
	oomKilled?: boolean;
}

export interface LogLine {
	at: number;
	text: string;
}

const periodMs = 2000;

function unit(seed: string): number {
	return Number.parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

const paths = [
	'/onboarding/v1/cases',
	'/onboarding/v1/cases/{id}',
	'/onboarding/v1/documents',
	'/health',
	'/metrics',
];

function line(app: string, container: string, k: number, at: number, run: Run): string {
	const r = unit(`${app}/${container}/${run.startedAt}/${k}`);
	const id = Math.floor(r * 1e9).toString(36);
	if (k === 0) return `INFO  starting ${app} (container ${container})`;
	if (k === 1) return 'INFO  configuration loaded from /etc/config';
	if (k === 2) return 'INFO  connected to postgresql.platform-observability:5432 (pool size 20)';
	if (k === 3) return 'INFO  listening on :8080';
	if (run.oomKilled && run.finishedAt !== undefined && run.finishedAt - at < 3 * periodMs) {
		return `WARN  heap usage ${Math.round(90 + r * 9)}% of limit, gc pause ${Math.round(200 + r * 800)}ms`;
	}
	if (r < 0.04)
		return `ERROR request_id=${id} POST /onboarding/v1/cases failed: upstream timeout after 5000ms (kyc-provider)`;
	if (r < 0.07)
		return `WARN  request_id=${id} slow query: SELECT * FROM cases WHERE status = $1 took ${Math.round(1000 + r * 9000)}ms`;
	const path = paths[Math.floor(r * 100) % paths.length];
	return `INFO  request_id=${id} GET ${path} 200 ${Math.round(3 + r * 120)}ms`;
}

export interface Window {
	/** Only the last n lines. */
	tail?: number;
	/** Only lines at or after this time (ms). */
	since?: number;
}

/** The run's lines up to `now`, oldest first, computing only those the window keeps. */
export function runLines(
	app: string,
	container: string,
	run: Run,
	now: number,
	window: Window = {},
): LogLine[] {
	const end = Math.min(now, run.finishedAt ?? now);
	// A crash that happens at start still prints the first lines.
	const count = Math.max(run.exitMessage ? 2 : 1, Math.floor((end - run.startedAt) / periodMs) + 1);
	const exit =
		run.exitMessage && run.finishedAt !== undefined && now >= run.finishedAt
			? run.exitMessage
			: undefined;
	// Line k lands within [start + k·period, start + (k+1)·period), so the slot
	// holding `since` is the first that may have lines to keep.
	let first =
		window.since === undefined
			? 0
			: Math.max(0, Math.floor((window.since - run.startedAt) / periodMs));
	// A little more than the tail: the newest slot's line may not have landed yet.
	if (window.tail !== undefined) first = Math.max(first, count - window.tail - 2);
	const lines: LogLine[] = [];
	for (let k = first; k < count; k++) {
		// Lines land at uneven milliseconds within their slot, as real ones do.
		const jitter =
			k === 0 ? 0 : Math.floor(unit(`${app}/${run.startedAt}/${k}/ms`) * (periodMs - 1));
		const planned = run.startedAt + k * periodMs + jitter;
		// A running container's line is not there before its time; a finished
		// run's lines all landed before it ended.
		if (run.finishedAt === undefined && planned > end) continue;
		const at = Math.min(planned, end);
		if (window.since !== undefined && at < window.since) continue;
		lines.push({at, text: `${new Date(at).toISOString()} ${line(app, container, k, at, run)}`});
	}
	if (exit) lines.push({at: run.finishedAt ?? end, text: exit});
	return window.tail === undefined ? lines : lines.slice(Math.max(0, lines.length - window.tail));
}

/** Lines that appear after `after` (exclusive) up to `now`: what `--follow` streams. */
export function linesAfter(
	app: string,
	container: string,
	run: Run,
	after: number,
	now: number,
): LogLine[] {
	return runLines(app, container, run, now, {since: after + 1}).filter((l) => l.at > after);
}
