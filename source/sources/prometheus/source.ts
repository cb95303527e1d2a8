import type {PrometheusConfig} from '../../config/index.ts';
import type {Source} from '../../engine/source.ts';
import type {PrometheusData, ServiceRates} from '../../model/index.ts';
import type {Observe} from '../shared/observe.ts';
import {query, queryRange, type Series} from './client.ts';
import {byService, type QueryPlan, queryPlan} from './queries.ts';
import {Trends, trendWindowMs} from './trend.ts';

const value = (series: Series | undefined): number | null => series?.samples.at(-1)?.[1] ?? null;

const pct = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;

/**
 * Error ratio, request rate and p99 per service, the runbook's RED check.
 * A service with traffic and no 5xx series at all has a ratio of 0 (the
 * numerator is empty, so Prometheus answers nothing rather than 0).
 */
export class PrometheusSource implements Source<'prometheus'> {
	readonly id = 'prometheus';
	readonly timeoutMs?: number;
	readonly #config: PrometheusConfig & {url: string};
	readonly #plan: QueryPlan;
	readonly #observe: Observe;
	readonly #trends = new Trends();
	readonly #over = new Map<string, boolean>();
	readonly #now: () => number;
	#seeded = false;

	constructor(
		config: PrometheusConfig & {url: string},
		observe: Observe,
		timeoutMs?: number,
		now: () => number = Date.now,
	) {
		this.#config = config;
		this.#plan = queryPlan(config);
		this.#observe = observe;
		this.timeoutMs = timeoutMs;
		this.#now = now;
	}

	async poll(signal: AbortSignal): Promise<PrometheusData> {
		const url = this.#config.url;
		// Every query of a poll is evaluated at the same instant: rate() over a window moves with
		// the evaluation time, so without it a row's ratio, rate and p99 would be from different moments.
		const now = this.#now();
		const answers = await Promise.all(
			this.#plan.queries.map(async (q) => {
				const [errors, rates, p99] = await Promise.all([
					query(url, q.errorRatio, signal, now),
					query(url, q.requestRate, signal, now),
					query(url, q.p99, signal, now),
				]);
				const label = this.#plan.serviceLabel;
				return {
					q,
					errors: byService(errors, q.service, label),
					rates: byService(rates, q.service, label),
					p99: byService(p99, q.service, label),
				};
			}),
		);
		if (!this.#seeded) {
			// The sparkline's history is a nicety: if the range query fails, the panel still
			// shows the current numbers, and the next poll tries again.
			await this.#seed(signal, now).catch(() => {});
		}
		const services: ServiceRates[] = [];
		for (const {q, errors, rates, p99} of answers) {
			const names = q.service === null ? [...rates.keys()] : [q.service];
			for (const name of names) {
				const requestRate = value(rates.get(name));
				const measured = value(errors.get(name));
				const errorRatio = measured ?? (requestRate !== null && requestRate > 0 ? 0 : null);
				if (errorRatio !== null && Number.isFinite(errorRatio)) {
					this.#trends.push(name, now, errorRatio);
					this.#crossing(name, errorRatio);
				}
				services.push({
					name,
					errorRatio,
					requestRate,
					p99Seconds: value(p99.get(name)),
					trend: this.#trends.values(name),
				});
			}
		}
		return {services, threshold: this.#config.errorThreshold};
	}

	// The sparkline's first 30 minutes: one range query per RED query set, once.
	// It ends one step before the poll's own instant, whose point the poll adds.
	async #seed(signal: AbortSignal, nowMs: number): Promise<void> {
		const stepSeconds = 30;
		const endMs = nowMs - stepSeconds * 1000;
		const range = {startMs: nowMs - trendWindowMs, endMs, stepSeconds};
		const label = this.#plan.serviceLabel;
		for (const q of this.#plan.queries) {
			const [errors, rates] = await Promise.all([
				queryRange(this.#config.url, q.errorRatio, range, signal),
				queryRange(this.#config.url, q.requestRate, range, signal),
			]);
			const errorsBy = byService(errors, q.service, label);
			for (const [name, rate] of byService(rates, q.service, label)) {
				const errorAt = new Map(errorsBy.get(name)?.samples ?? []);
				const points = rate.samples
					.filter(([, r]) => r > 0)
					.map(([at]) => [at, errorAt.get(at) ?? 0] as const)
					.filter(([, v]) => Number.isFinite(v));
				this.#trends.seed(name, points);
			}
		}
		this.#seeded = true;
	}

	#crossing(service: string, ratio: number): void {
		const threshold = this.#config.errorThreshold;
		const over = ratio > threshold;
		const before = this.#over.get(service);
		this.#over.set(service, over);
		// The first reading is a baseline: worth a line only when it is already bad.
		if (before === over || (before === undefined && !over)) return;
		this.#observe({
			text: over
				? `${service} 5xx ratio ${pct(ratio)} crossed above ${pct(threshold)}`
				: `${service} 5xx ratio ${pct(ratio)} back below ${pct(threshold)}`,
			data: {source: 'prometheus', service, errorRatio: ratio, threshold, over},
		});
	}
}
