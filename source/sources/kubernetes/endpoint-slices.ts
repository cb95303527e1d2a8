// Services without a ready endpoint, from the EndpointSlices the endpoint
// slice controller writes for every Service with a selector (an empty slice
// when nothing matches). No Services informer is needed: a Service that has
// no slice at all is one nobody manages endpoints for.
import type {V1EndpointSlice} from '@kubernetes/client-node';
import type {ServiceWithoutEndpointsRow} from '../../model/index.ts';
import {epoch} from './time.ts';

const serviceLabel = 'kubernetes.io/service-name';
/** Set by the controller on each slice: when the pod or Service change it reflects happened. */
const triggerAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';

/** What a cached slice keeps: its Service, when it changed, and each endpoint's conditions. */
export function slimEndpointSlice(slice: V1EndpointSlice): void {
	if (slice.metadata) {
		const labels = slice.metadata.labels ?? {};
		const trigger = slice.metadata.annotations?.[triggerAnnotation];
		slice.metadata.labels =
			serviceLabel in labels ? {[serviceLabel]: labels[serviceLabel] ?? ''} : {};
		slice.metadata.annotations = trigger ? {[triggerAnnotation]: trigger} : undefined;
	}
	for (const e of slice.endpoints ?? []) {
		e.addresses = [];
		e.targetRef = undefined;
		e.hints = undefined;
		e.deprecatedTopology = undefined;
	}
	slice.ports = undefined;
}

/**
 * Remembers since when each Service has been without a ready endpoint, for
 * slices that carry no trigger time; forgets it once one is ready again.
 */
export class EndpointlessServices {
	readonly #firstSeen = new Map<string, number>();

	rows(slices: readonly V1EndpointSlice[], now = Date.now()): ServiceWithoutEndpointsRow[] {
		const services = new Map<string, {ready: number; notReady: number; changedAt: number | null}>();
		for (const slice of slices) {
			const name = slice.metadata?.labels?.[serviceLabel];
			if (!name) continue;
			const key = `${slice.metadata?.namespace ?? ''}/${name}`;
			const s = services.get(key) ?? {ready: 0, notReady: 0, changedAt: null};
			for (const e of slice.endpoints ?? []) {
				// The API: a nil ready condition is to be read as ready.
				if (e.conditions?.ready === false) s.notReady++;
				else s.ready++;
			}
			const changed = epoch(slice.metadata?.annotations?.[triggerAnnotation]);
			if (changed !== null) s.changedAt = Math.max(s.changedAt ?? 0, changed);
			services.set(key, s);
		}
		const rows: ServiceWithoutEndpointsRow[] = [];
		for (const [key, s] of services) {
			if (s.ready > 0) {
				this.#firstSeen.delete(key);
				continue;
			}
			const seen = this.#firstSeen.get(key) ?? now;
			this.#firstSeen.set(key, seen);
			const slash = key.indexOf('/');
			rows.push({
				namespace: key.slice(0, slash),
				name: key.slice(slash + 1),
				notReady: s.notReady,
				since: s.changedAt ?? seen,
			});
		}
		for (const key of this.#firstSeen.keys()) if (!services.has(key)) this.#firstSeen.delete(key);
		return rows.sort(
			(a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
		);
	}
}
