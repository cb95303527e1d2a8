import {type KubeConfig, type KubernetesObject, ListWatch, Watch} from '@kubernetes/client-node';
import {listRaw} from './raw-list.ts';

export type WatchState = 'syncing' | 'synced' | 'reconnecting';

export interface WatchedOptions {
	/** First wait before restarting a stopped informer; doubles up to maxBackoffMs. */
	readonly minBackoffMs?: number;
	readonly maxBackoffMs?: number;
	/** No event, bookmark or reconnect for this long: the watch is presumed dead and restarted. */
	readonly deadAfterMs?: number;
}

/**
 * The client's Watch, asking for bookmarks: the server then sends a heartbeat
 * on quiet resources, so the client's inactivity timer (30 s) only fires on a
 * watch that is really dead, and reconnects start from a fresh resourceVersion.
 */
class BookmarkWatch extends Watch {
	override watch(...args: Parameters<Watch['watch']>): ReturnType<Watch['watch']> {
		const [path, query, callback, done] = args;
		return super.watch(path, {...query, allowWatchBookmarks: true}, callback, done);
	}
}

/**
 * One informer (list, then watch from the list's resourceVersion) that stays
 * up. The client re-lists by itself on 410 Gone and reconnects after its own
 * inactivity timeout, but any other error STOPS it: that is restarted here
 * with backoff, and the state says "reconnecting" meanwhile. A watch that
 * goes silent beyond deadAfterMs is restarted too.
 */
export class Watched<T extends KubernetesObject> {
	readonly resource: string;
	state: WatchState = 'syncing';
	lastError: string | null = null;
	/** Times the informer was restarted after stopping; for tests and the status line. */
	restarts = 0;
	/** Listed and watching at least once since start. */
	everSynced = false;
	/** Goes up whenever what `list` returns may have changed: readers rebuild rows only then. */
	version = 0;
	/** Settles when the first start has either synced or failed. */
	readonly firstAttempt: Promise<void>;
	#settleFirst: () => void = () => {};
	readonly #make: () => ListWatch<T>;
	#informer: ListWatch<T>;
	// The last synced cache, read while a fresh informer lists: panels keep their rows.
	#previous: ListWatch<T> | null = null;
	readonly #options: Required<WatchedOptions>;
	readonly #changed: () => void;
	#backoffMs: number;
	#lastActivity = Date.now();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#watchdog: ReturnType<typeof setInterval> | undefined;
	#closed = false;
	#listed: {version: number; objects: readonly T[]} | null = null;

	constructor(
		resource: string,
		kc: KubeConfig,
		path: string,
		changed: () => void,
		options: WatchedOptions = {},
		/** Drops what nothing reads from each object as it arrives (memory, on a big cluster). */
		slim?: (object: T) => void,
	) {
		this.resource = resource;
		this.#changed = changed;
		this.#options = {minBackoffMs: 1000, maxBackoffMs: 30_000, deadAfterMs: 120_000, ...options};
		this.#backoffMs = this.#options.minBackoffMs;
		this.firstAttempt = new Promise((resolve) => {
			this.#settleFirst = resolve;
		});
		// A stopped ListWatch still delivers its aborted request's callbacks (and
		// its done handler would abort a newer request), so each restart builds a
		// new one and callbacks of an older one are ignored.
		this.#make = () => {
			// The list is the watched path's, as plain JSON like the watch's events (raw-list.ts).
			const list = () => listRaw<T>(kc, path);
			const informer = new ListWatch<T>(path, new BookmarkWatch(kc), list, false);
			const current = () => informer === this.#informer && !this.#closed;
			informer.on('change', (object: T) => {
				if (!current()) return;
				// Server-side apply bookkeeping: a third of a pod's size, read by nothing here.
				if (object.metadata) object.metadata.managedFields = undefined;
				slim?.(object);
				this.#lastActivity = Date.now();
				this.#bump();
			});
			informer.on('connect', () => {
				if (current()) this.#lastActivity = Date.now();
			});
			informer.on('error', (error: unknown) => {
				if (current()) this.#failed(error);
			});
			return informer;
		};
		this.#informer = this.#make();
	}

	/** The cached objects; the same array until `version` moves (the client builds a new one per call). */
	list(): readonly T[] {
		if (this.#listed?.version === this.version) return this.#listed.objects;
		const objects =
			this.state !== 'synced' && this.#previous ? this.#previous.list() : this.#informer.list();
		this.#listed = {version: this.version, objects};
		return objects;
	}

	start(): void {
		void this.#start(this.#informer);
		this.#watchdog = setInterval(
			() => this.#checkAlive(),
			Math.min(5000, this.#options.deadAfterMs),
		);
		this.#watchdog.unref();
	}

	async #start(informer: ListWatch<T>): Promise<void> {
		this.#lastActivity = Date.now();
		let failed = false;
		const onError = () => {
			failed = true;
		};
		informer.on('error', onError);
		await informer.start();
		informer.off('error', onError);
		if (failed || this.#closed || informer !== this.#informer) return;
		this.everSynced = true;
		this.state = 'synced';
		this.lastError = null;
		this.#previous = null;
		this.#backoffMs = this.#options.minBackoffMs;
		this.#settleFirst();
		this.#bump();
	}

	#bump(): void {
		this.version++;
		this.#changed();
	}

	#failed(error: unknown): void {
		if (this.#closed) return;
		this.state = 'reconnecting';
		this.lastError = describeError(error);
		this.#settleFirst();
		this.#bump();
		this.#scheduleRestart();
	}

	#scheduleRestart(): void {
		clearTimeout(this.#timer);
		const wait = this.#backoffMs;
		this.#backoffMs = Math.min(this.#backoffMs * 2, this.#options.maxBackoffMs);
		this.#timer = setTimeout(() => {
			if (this.#closed) return;
			this.restarts++;
			const old = this.#informer;
			if (this.everSynced && !this.#previous) this.#previous = old;
			this.#informer = this.#make();
			void old.stop();
			void this.#start(this.#informer);
		}, wait);
		this.#timer.unref();
	}

	#checkAlive(): void {
		if (this.state !== 'synced' || Date.now() - this.#lastActivity < this.#options.deadAfterMs)
			return;
		this.#failed(new Error(`no watch event or bookmark for ${this.#options.deadAfterMs / 1000} s`));
	}

	/** Stops the informer as the client does on an error; for tests of the recovery. */
	async simulateStop(error: Error): Promise<void> {
		const informer = this.#informer;
		this.#failed(error);
		await informer.stop();
	}

	async close(): Promise<void> {
		this.#closed = true;
		this.#settleFirst();
		clearTimeout(this.#timer);
		clearInterval(this.#watchdog);
		await this.#informer.stop();
	}
}

export function describeError(error: unknown): string {
	if (error && typeof error === 'object') {
		const e = error as {code?: unknown; statusCode?: unknown; message?: unknown; body?: unknown};
		const code = e.code ?? e.statusCode;
		const body = typeof e.body === 'string' ? safeMessage(e.body) : null;
		if (body) return typeof code === 'number' ? `${code}: ${body}` : body;
		if (e.message === '' && typeof code === 'string') return code; // an AggregateError of connect attempts
		if (typeof e.message === 'string') {
			const first = e.message.split('\n')[0] ?? e.message;
			// fetch says only "fetch failed"; why (ECONNREFUSED, a certificate) is in its cause.
			const cause = (error as {cause?: unknown}).cause;
			return cause && first === 'fetch failed' ? `${first}: ${describeError(cause)}` : first;
		}
	}
	return String(error);
}

/** The API server's own message from a Status body, when there is one. */
function safeMessage(body: string): string | null {
	try {
		const parsed = JSON.parse(body) as {message?: unknown};
		return typeof parsed.message === 'string' ? parsed.message : null;
	} catch {
		return body.length > 0 ? body.slice(0, 300) : null;
	}
}
