// Simulated HTTP traffic for the runbook's services. Requests are generated on
// a clock (not per scrape), so Prometheus' rate() sees a steady flow and the
// error ratio and latency follow what the control endpoint sets.

export const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export interface ServiceSettings {
	/** Requests per second. */
	rps: number;
	/** Fraction of requests answered with a 5xx, 0..1. */
	errorRatio: number;
	/** Target 99th percentile latency in seconds. */
	p99: number;
}

export const defaultServices: Readonly<Record<string, ServiceSettings>> = {
	'onboarding-api': {rps: 40, errorRatio: 0.002, p99: 0.3},
	'payments-api': {rps: 20, errorRatio: 0.001, p99: 0.25},
	'notifications-api': {rps: 10, errorRatio: 0, p99: 0.15},
};

const routes = [
	{method: 'GET', weight: 0.7},
	{method: 'POST', weight: 0.3},
] as const;

export interface Series {
	count: number;
}

export interface Histogram {
	buckets: number[];
	sum: number;
	count: number;
}

export class Traffic {
	readonly settings = new Map<string, ServiceSettings>();
	/** `service|method|status` → requests. */
	readonly requests = new Map<string, number>();
	/** `service|method` → latency histogram. */
	readonly latency = new Map<string, Histogram>();
	#carry = new Map<string, number>();

	constructor() {
		this.reset();
	}

	/** Back to the defaults: every service, or only the one named. */
	reset(service?: string): void {
		for (const [name, s] of Object.entries(defaultServices)) {
			if (service === undefined || service === name) this.settings.set(name, {...s});
		}
	}

	/** Advances the simulation by `seconds` of traffic. */
	tick(seconds: number): void {
		for (const [service, s] of this.settings) {
			for (const route of routes) {
				const key = `${service}|${route.method}`;
				// Fractions carry over between ticks so low rates still add up exactly.
				const exact = s.rps * route.weight * seconds + (this.#carry.get(key) ?? 0);
				const n = Math.floor(exact);
				this.#carry.set(key, exact - n);
				for (let i = 0; i < n; i++) this.#request(service, route.method, s);
			}
		}
	}

	#request(service: string, method: string, s: ServiceSettings): void {
		const status = Math.random() < s.errorRatio ? (Math.random() < 0.8 ? '500' : '503') : '200';
		const key = `${service}|${method}|${status}`;
		this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
		// Exponential latencies whose 99th percentile is p99: P(X > p99) = e^(-λ·p99) = 0.01.
		const seconds = (-Math.log(1 - Math.random()) * s.p99) / Math.log(100);
		const hkey = `${service}|${method}`;
		let h = this.latency.get(hkey);
		if (!h) {
			h = {buckets: buckets.map(() => 0), sum: 0, count: 0};
			this.latency.set(hkey, h);
		}
		buckets.forEach((le, i) => {
			if (seconds <= le) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
		});
		h.sum += seconds;
		h.count += 1;
	}
}
