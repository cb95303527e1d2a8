import type {KubernetesData, ServiceWithoutEndpointsRow} from '../model/index.ts';

/** How far back, and in what steps, the onset of an outage is looked for (seconds). */
const stepS = 5;
const lookBackS = 30 * 60;

/** Every demo Deployment sits behind a Service of its name, whose endpoints are its ready pods. */
function endpointless(data: KubernetesData): Map<string, number> {
	const without = new Map<string, number>();
	for (const d of data.deployments) {
		if (d.ready > 0) continue;
		const notReady = data.pods.filter(
			(p) => p.namespace === d.namespace && p.deployment === d.name && p.status !== 'Terminating',
		).length;
		without.set(`${d.namespace}/${d.name}`, notReady);
	}
	return without;
}

/**
 * The Services without a ready endpoint at `t`, each with the moment it lost
 * the last one: the world is a pure function of time, so the onset is found
 * by looking back rather than remembered.
 */
export function servicesWithoutEndpointsAt(
	at: (t: number) => KubernetesData,
	t: number,
	toMs: (t: number) => number,
): ServiceWithoutEndpointsRow[] {
	const now = endpointless(at(t));
	const rows: ServiceWithoutEndpointsRow[] = [];
	const open = new Map([...now].map(([key]) => [key, t]));
	for (let back = t - stepS; open.size > 0 && back >= t - lookBackS; back -= stepS) {
		const then = endpointless(at(back));
		for (const key of [...open.keys()]) {
			if (then.has(key)) {
				open.set(key, back);
				continue;
			}
			open.delete(key);
			rows.push(row(key, now.get(key) ?? 0, toMs(back + stepS)));
		}
	}
	for (const [key, since] of open) rows.push(row(key, now.get(key) ?? 0, toMs(since)));
	return rows.sort(
		(a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
	);
}

function row(key: string, notReady: number, since: number): ServiceWithoutEndpointsRow {
	const slash = key.indexOf('/');
	return {namespace: key.slice(0, slash), name: key.slice(slash + 1), notReady, since};
}
