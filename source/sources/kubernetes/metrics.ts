import {type KubeConfig, Metrics} from '@kubernetes/client-node';
import {quantity} from './quantity.ts';
import type {NodeUsage, PodUsage} from './rows.ts';
import {describeError} from './watched.ts';

/**
 * metrics.k8s.io is an add-on (metrics-server): polled on its own clock,
 * because it is not watchable. When the API is absent the source says so
 * once, plainly, and stops asking.
 */
export class NodeMetricsPoller {
	usage: NodeUsage | null = null;
	pods: PodUsage | null = null;
	/** Why there are no percentages, when there are none. */
	unavailable: string | null = null;
	/** Goes up with every answer (or failure): readers rebuild rows that use it only then. */
	version = 0;
	readonly #metrics: Metrics;
	readonly #changed: () => void;
	readonly #intervalMs: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	readonly #namespace: string | undefined;

	constructor(
		kc: KubeConfig,
		changed: () => void,
		intervalMs = 15_000,
		namespace: string | null = null,
	) {
		this.#namespace = namespace ?? undefined;
		this.#metrics = new Metrics(kc);
		this.#changed = changed;
		this.#intervalMs = intervalMs;
	}

	start(): void {
		void this.#poll();
	}

	async #poll(): Promise<void> {
		if (this.#closed) return;
		try {
			const list = await this.#metrics.getNodeMetrics();
			const usage = new Map<string, {cpu: number; memory: number}>();
			for (const item of list.items ?? []) {
				const cpu = quantity(item.usage?.cpu);
				const memory = quantity(item.usage?.memory);
				if (cpu !== null && memory !== null) usage.set(item.metadata?.name ?? '', {cpu, memory});
			}
			this.usage = usage;
			const pods = new Map<string, {cpu: number; memory: number}>();
			for (const item of (await this.#metrics.getPodMetrics(this.#namespace)).items ?? []) {
				let cpu = 0;
				let memory = 0;
				for (const c of item.containers ?? []) {
					cpu += quantity(c.usage?.cpu) ?? 0;
					memory += quantity(c.usage?.memory) ?? 0;
				}
				pods.set(`${item.metadata?.namespace}/${item.metadata?.name}`, {cpu, memory});
			}
			this.pods = pods;
			this.unavailable = null;
		} catch (error) {
			const code = (error as {code?: unknown}).code;
			this.usage = null;
			this.pods = null;
			if (code === 404) {
				this.unavailable = 'metrics.k8s.io is not installed: no CPU or memory use';
				this.version++;
				this.#changed();
				return; // absent: say it once, ask no more
			}
			this.unavailable = `metrics.k8s.io: ${describeError(error)}`;
		}
		this.version++;
		this.#changed();
		if (this.#closed) return;
		this.#timer = setTimeout(() => void this.#poll(), this.#intervalMs);
		this.#timer.unref();
	}

	close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
	}
}
