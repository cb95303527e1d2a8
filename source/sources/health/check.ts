import type {HealthCheckResult} from '../../model/index.ts';

export interface CheckOutcome {
	readonly ok: boolean;
	readonly latencyMs: number | null;
	readonly detail: string;
	readonly certDaysLeft: number | null;
	readonly output?: string;
}

/** One quick check: a name, its own deadline, and the probe. */
export interface QuickCheck {
	readonly name: string;
	readonly timeoutMs: number;
	readonly kind?: string;
	run(signal: AbortSignal): Promise<CheckOutcome>;
}

const reason = (error: unknown): string => {
	if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
	if (error instanceof Error) return error.message || (error as {code?: string}).code || error.name;
	return String(error);
};

/** Runs one check under its deadline; a throw or a timeout is a failed check, never an exception. */
export async function runCheck(check: QuickCheck, outer?: AbortSignal): Promise<HealthCheckResult> {
	const signal = outer
		? AbortSignal.any([outer, AbortSignal.timeout(check.timeoutMs)])
		: AbortSignal.timeout(check.timeoutMs);
	const started = performance.now();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<CheckOutcome>((resolve) => {
		timer = setTimeout(
			() =>
				resolve({
					ok: false,
					latencyMs: null,
					detail: `timed out after ${check.timeoutMs} ms`,
					certDaysLeft: null,
				}),
			check.timeoutMs + 50,
		);
	});
	try {
		const outcome = await Promise.race([check.run(signal), deadline]);
		return {name: check.name, ...(check.kind ? {kind: check.kind} : {}), ...outcome};
	} catch (error) {
		const timedOut = signal.aborted && performance.now() - started >= check.timeoutMs - 5;
		return {
			name: check.name,
			...(check.kind ? {kind: check.kind} : {}),
			ok: false,
			latencyMs: null,
			detail: timedOut ? `timed out after ${check.timeoutMs} ms` : reason(error),
			certDaysLeft: null,
		};
	} finally {
		clearTimeout(timer);
	}
}

/** Times a probe that either resolves (ok) or throws (failed). */
export async function timed(detail: string, probe: () => Promise<unknown>): Promise<CheckOutcome> {
	const started = performance.now();
	await probe();
	return {ok: true, latencyMs: performance.now() - started, detail, certDaysLeft: null};
}
