import type {SourceDataMap, SourceId} from '../model/index.ts';
import {sourceIds} from '../model/index.ts';
import {RingBuffer} from './ring-buffer.ts';
import type {SourceSlot, SourceSlots} from './source-slot.ts';

export interface StoreState {
	readonly slots: SourceSlots;
	/** Sparkline series by key (e.g. "errors:onboarding-api"), oldest first. */
	readonly history: Readonly<Record<string, readonly number[]>>;
	/** Increases with every published change; handy for tests and benchmarks. */
	readonly version: number;
}

export interface StoreOptions {
	/**
	 * Minimum milliseconds between two notifications. A burst of updates
	 * (a watch replaying hundreds of events) thus causes one render.
	 */
	readonly frameMs?: number;
	readonly historyCapacity?: number;
}

type Listener = () => void;

const loadingSlot = {
	phase: 'loading',
	data: null,
	error: null,
	lastOkAt: null,
	failures: 0,
} as const;

/**
 * The one place source data lives. Writers mutate freely; readers see an
 * immutable state that is republished at most once per frame, which is what
 * `useSyncExternalStore` needs (a stable snapshot between changes).
 */
export class Store {
	readonly #frameMs: number;
	readonly #historyCapacity: number;
	readonly #listeners = new Set<Listener>();
	readonly #slots: {[K in SourceId]: SourceSlot<K>};
	readonly #history = new Map<string, RingBuffer>();
	/** Series that changed since the last publish; the others keep their published arrays. */
	readonly #dirtyHistory = new Set<string>();
	#state: StoreState;
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastPublishedAt = Number.NEGATIVE_INFINITY;

	constructor(options: StoreOptions = {}) {
		this.#frameMs = options.frameMs ?? 66;
		this.#historyCapacity = options.historyCapacity ?? 900;
		this.#slots = Object.fromEntries(sourceIds.map((id) => [id, loadingSlot])) as unknown as {
			[K in SourceId]: SourceSlot<K>;
		};
		this.#state = {slots: {...this.#slots}, history: {}, version: 0};
	}

	readonly getSnapshot = (): StoreState => this.#state;

	readonly subscribe = (listener: Listener): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	slot<K extends SourceId>(id: K): SourceSlot<K> {
		return this.#slots[id];
	}

	setSlot<K extends SourceId>(id: K, slot: SourceSlot<K>): void {
		(this.#slots as Record<SourceId, SourceSlot>)[id] = slot as SourceSlot;
		this.#changed();
	}

	/** Shorthand for a successful poll. */
	setData<K extends SourceId>(id: K, data: SourceDataMap[K], at: number): void {
		this.setSlot(id, {phase: 'ok', data, error: null, lastOkAt: at, failures: 0});
	}

	recordHistory(key: string, value: number): void {
		let buffer = this.#history.get(key);
		if (!buffer) {
			buffer = new RingBuffer(this.#historyCapacity);
			this.#history.set(key, buffer);
		}
		buffer.push(value);
		this.#dirtyHistory.add(key);
		this.#changed();
	}

	/** Publishes pending changes now (snapshot command, tests, shutdown). */
	flush(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		if (!this.#dirty) return;
		this.#dirty = false;
		this.#lastPublishedAt = Date.now();
		let history = this.#state.history;
		if (this.#dirtyHistory.size > 0) {
			const next: Record<string, readonly number[]> = {...history};
			for (const key of this.#dirtyHistory) next[key] = this.#history.get(key)?.toArray() ?? [];
			this.#dirtyHistory.clear();
			history = next;
		}
		this.#state = {slots: {...this.#slots}, history, version: this.#state.version + 1};
		for (const listener of this.#listeners) listener();
	}

	dispose(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#listeners.clear();
	}

	#changed(): void {
		this.#dirty = true;
		if (this.#timer !== undefined) return;
		const wait = Math.max(0, this.#lastPublishedAt + this.#frameMs - Date.now());
		this.#timer = setTimeout(() => this.flush(), wait);
	}
}
