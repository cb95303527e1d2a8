import type {AnySource, Source} from '../engine/source.ts';
import type {LogQuery, LogsData, SourceId} from '../model/index.ts';
import {delay} from './delay.ts';
import {hash, unit} from './noise.ts';
import type {DemoWorld} from './world.ts';

/** A believable round trip, 5–40 ms, that varies per source and over time but never randomly. */
export function demoLatencyMs(id: SourceId, now: number): number {
	return 5 + Math.floor(unit(hash(`latency:${id}`), Math.floor(now / 1000)) * 36);
}

function demoSource<K extends SourceId>(world: DemoWorld, id: K): Source<K> {
	return {
		id,
		async poll(signal) {
			await delay(demoLatencyMs(id, world.now()), signal);
			return world.at(world.now())[id];
		},
	};
}

/** The log store, searched with the view's query like the real one (`set`, `current`). */
class DemoLogs implements Source<'logs'> {
	readonly id = 'logs';
	readonly #world: DemoWorld;
	#query: LogQuery = {text: '', namespace: null, app: null, pod: null};

	constructor(world: DemoWorld) {
		this.#world = world;
	}

	current(): LogQuery {
		return this.#query;
	}

	set(query: LogQuery): void {
		this.#query = query;
	}

	async poll(signal: AbortSignal): Promise<LogsData> {
		const query = this.#query;
		await delay(demoLatencyMs('logs', this.#world.now()), signal);
		return this.#world.searchLogs(this.#world.now(), query);
	}
}

/** One source per source id, answering from the demo world: everything above this is the real code. */
export function demoSources(world: DemoWorld): AnySource[] {
	return [
		demoSource(world, 'kubernetes'),
		demoSource(world, 'prometheus'),
		demoSource(world, 'alerts'),
		demoSource(world, 'health'),
		demoSource(world, 'postgres'),
		demoSource(world, 'redis'),
		demoSource(world, 'kafka'),
		demoSource(world, 'disk'),

		new DemoLogs(world),
	];
}
