import {request, shortBody} from './http.ts';

export interface PagerdutyConfig {
	readonly url: string;
	readonly token: string;
	readonly scheduleIds?: readonly string[];
	readonly timeoutMs?: number;
}

interface Oncall {
	readonly escalation_level?: number;
	readonly user?: {readonly summary?: string};
}

/**
 * Who is on call now: PagerDuty's `GET /oncalls`, first escalation level.
 * Throws with the vendor's own reason; the token never appears in it.
 */
export async function fetchOncall(
	config: PagerdutyConfig,
	signal?: AbortSignal,
): Promise<string[]> {
	const query = new URLSearchParams({earliest: 'true'});
	for (const id of config.scheduleIds ?? []) query.append('schedule_ids[]', id);
	const answer = await request(`${config.url.replace(/\/$/, '')}/oncalls?${query}`, {
		method: 'GET',
		headers: {
			Authorization: `Token token=${config.token}`,
			Accept: 'application/vnd.pagerduty+json;version=2',
		},
		timeoutMs: config.timeoutMs ?? 10_000,
		signal,
	});
	if (answer.status !== 200)
		throw new Error(`PagerDuty answered HTTP ${answer.status}: ${shortBody(answer.body)}`);
	const {oncalls} = JSON.parse(answer.body) as {oncalls?: Oncall[]};
	const names = (oncalls ?? [])
		.filter((o) => (o.escalation_level ?? 1) === 1)
		.map((o) => o.user?.summary)
		.filter((name): name is string => typeof name === 'string');
	return [...new Set(names)];
}

/** Polls PagerDuty in the background; the header reads `current()` and never waits. */
export class OncallWatcher {
	#current: string | null = null;
	#timer: NodeJS.Timeout | undefined;
	readonly #controller = new AbortController();

	constructor(
		readonly config: PagerdutyConfig,
		readonly everyMs = 5 * 60_000,
	) {}

	current = (): string | null => this.#current;

	start(): void {
		const poll = () => {
			fetchOncall(this.config, this.#controller.signal).then(
				(names) => {
					this.#current = names.length ? names.join(', ') : 'nobody';
				},
				(error: Error) => {
					this.#current = `? (${error.message})`;
				},
			);
		};
		poll();
		this.#timer = setInterval(poll, this.everyMs);
		this.#timer.unref();
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#controller.abort();
	}
}
