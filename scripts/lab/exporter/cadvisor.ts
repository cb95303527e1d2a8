// cAdvisor's CFS counters, as the kubelet's /metrics/cadvisor serves them, for
// the containers a scenario throttles (high-cpu: onboarding-api near its
// 1-core limit). The kernel counts one CFS period every 100 ms per
// container; a throttled share of them grows container_cpu_cfs_throttled_periods_total.
// Labels as cAdvisor's: namespace, pod, container (plus image and name).

export interface ThrottledContainer {
	readonly namespace: string;
	readonly pod: string;
	readonly container: string;
	readonly image?: string;
	/** The share of periods throttled, 0..1. */
	readonly ratio: number;
}

const periodsPerSecond = 10;

interface Counters {
	readonly spec: ThrottledContainer;
	periods: number;
	throttled: number;
}

export class Cadvisor {
	#containers = new Map<string, Counters>();

	/** Replaces the throttled containers; counters of ones already known keep counting. */
	set(containers: readonly ThrottledContainer[]): void {
		const next = new Map<string, Counters>();
		for (const spec of containers) {
			const key = `${spec.namespace}/${spec.pod}/${spec.container}`;
			const known = this.#containers.get(key);
			next.set(key, known ? {...known, spec} : {spec, periods: 0, throttled: 0});
		}
		this.#containers = next;
	}

	get containers(): readonly ThrottledContainer[] {
		return [...this.#containers.values()].map((c) => c.spec);
	}

	tick(seconds: number): void {
		for (const c of this.#containers.values()) {
			const periods = periodsPerSecond * seconds;
			c.periods += periods;
			c.throttled += periods * c.spec.ratio;
		}
	}

	render(): string[] {
		const periods = [
			'# HELP container_cpu_cfs_periods_total Number of elapsed enforcement period intervals.',
			'# TYPE container_cpu_cfs_periods_total counter',
		];
		const throttled = [
			'# HELP container_cpu_cfs_throttled_periods_total Number of throttled period intervals.',
			'# TYPE container_cpu_cfs_throttled_periods_total counter',
		];
		for (const c of this.#containers.values()) {
			const {namespace, pod, container, image = ''} = c.spec;
			const labels = `container="${container}",image="${image}",name="${pod}_${container}",namespace="${namespace}",pod="${pod}"`;
			// Whole periods, as the kernel counts them.
			periods.push(`container_cpu_cfs_periods_total{${labels}} ${Math.floor(c.periods)}`);
			throttled.push(
				`container_cpu_cfs_throttled_periods_total{${labels}} ${Math.floor(c.throttled)}`,
			);
		}
		return this.#containers.size > 0 ? [...periods, ...throttled] : [];
	}
}

/** Reads `{throttle: [...]}` of a /control request; throws on a malformed entry. */
export function parseThrottle(value: unknown): ThrottledContainer[] {
	if (!Array.isArray(value)) throw new Error('throttle must be a list');
	return value.map((entry, i) => {
		const e = entry as Record<string, unknown>;
		const text = (name: string) => {
			const v = e[name];
			if (typeof v !== 'string' || v === '' || /["\\\n]/.test(v))
				throw new Error(`throttle[${i}].${name} must be a label value`);
			return v;
		};
		const ratio = e.ratio;
		if (typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1))
			throw new Error(`throttle[${i}].ratio must be a number between 0 and 1`);
		return {
			namespace: text('namespace'),
			pod: text('pod'),
			container: text('container'),
			...(e.image === undefined ? {} : {image: text('image')}),
			ratio,
		};
	});
}
