// A list-then-watch cache of one resource, for the simulator. Any watch error
// re-lists after a pause; a normal end (server timeout) resumes the watch from
// the last resourceVersion seen.
import type {Json, KubeClient} from './client.ts';

export interface Informer<T> {
	readonly items: ReadonlyMap<string, T>;
	/** Resolves after the first complete list. */
	readonly synced: Promise<void>;
	stop(): void;
}

interface Listed {
	metadata: {resourceVersion: string};
	items: Json[];
}

export function keyOf(object: {metadata?: {namespace?: string; name?: string}}): string {
	const m = object.metadata ?? {};
	return m.namespace ? `${m.namespace}/${m.name}` : (m.name ?? '');
}

/**
 * @param path collection path with optional query, e.g. /api/v1/pods or
 *   /api/v1/namespaces/kube-system/configmaps?fieldSelector=metadata.name%3Dx
 * @param onChange called with the key after every add, update or delete
 */
export function inform<T>(
	client: KubeClient,
	path: string,
	onChange: (key: string, object: T | undefined) => void,
	log: (line: string) => void,
): Informer<T> {
	const items = new Map<string, T>();
	const abort = new AbortController();
	const join = path.includes('?') ? '&' : '?';
	let markSynced: () => void = () => {};
	const synced = new Promise<void>((resolve) => {
		markSynced = resolve;
	});

	async function relist(): Promise<string> {
		const list = await client.get<Listed>(path);
		const seen = new Set<string>();
		for (const item of list.items) {
			const key = keyOf(item as {metadata: {name: string}});
			seen.add(key);
			items.set(key, item as T);
			onChange(key, item as T);
		}
		for (const key of [...items.keys()]) {
			if (!seen.has(key)) {
				items.delete(key);
				onChange(key, undefined);
			}
		}
		markSynced();
		return list.metadata.resourceVersion;
	}

	(async () => {
		let version: string | undefined;
		while (!abort.signal.aborted) {
			try {
				version ??= await relist();
				let gone = false;
				await client.watch(
					`${path}${join}watch=1&allowWatchBookmarks=true&timeoutSeconds=240&resourceVersion=${version}`,
					(event) => {
						const object = event.object as {metadata: {name: string; resourceVersion: string}};
						if (event.type === 'ERROR') {
							gone = true; // 410 Gone: the version is too old; list again.
							return;
						}
						version = object.metadata.resourceVersion;
						if (event.type === 'BOOKMARK') return;
						const key = keyOf(object);
						if (event.type === 'DELETED') items.delete(key);
						else items.set(key, object as T);
						onChange(key, event.type === 'DELETED' ? undefined : (object as T));
					},
					abort.signal,
				);
				if (gone) version = undefined;
			} catch (error) {
				if (abort.signal.aborted) return;
				log(`watch ${path}: ${(error as Error).message}; listing again in 1s`);
				version = undefined;
				await new Promise((r) => setTimeout(r, 1000));
			}
		}
	})();

	return {items, synced, stop: () => abort.abort()};
}
