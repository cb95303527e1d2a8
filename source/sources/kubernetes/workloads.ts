import type {
	KubernetesObject,
	V1ControllerRevision,
	V1DaemonSet,
	V1EndpointSlice,
	V1StatefulSet,
} from '@kubernetes/client-node';
import type {KubernetesData} from '../../model/index.ts';
import {EndpointlessServices, slimEndpointSlice} from './endpoint-slices.ts';
import {Memo} from './memo.ts';
import type {Watched} from './watched.ts';
import {controllerRevisions, daemonSetRow, statefulSetRow} from './workload-rows.ts';

/** How the source builds an informer; its own `make`, so these share its change callback and options. */
export type MakeWatched = <T extends KubernetesObject>(
	resource: string,
	path: string,
	slim?: (object: T) => void,
) => Watched<T>;

/** A ControllerRevision holds a whole pod template; only its owner and number are read. */
function slimRevision(revision: V1ControllerRevision): void {
	revision.data = undefined;
	if (revision.metadata) revision.metadata.labels = undefined;
}

/**
 * The informers beside the Deployments': StatefulSets, DaemonSets, their
 * ControllerRevisions (the revision numbers) and EndpointSlices (Services
 * without a ready endpoint). Kept apart from source.ts so that file only
 * lists them; their rows are rebuilt only when one of them moves.
 */
export class WorkloadWatches {
	readonly statefulSets: Watched<V1StatefulSet>;
	readonly daemonSets: Watched<V1DaemonSet>;
	readonly revisions: Watched<V1ControllerRevision>;
	readonly endpointSlices: Watched<EndpointSlice>;
	readonly #memo = new Memo();
	readonly #endpointless = new EndpointlessServices();

	constructor(make: MakeWatched, scoped: (resource: string, group: string) => string) {
		const apps = (resource: string) => scoped(resource, '/apis/apps/v1');
		this.statefulSets = make<V1StatefulSet>('statefulsets', apps('statefulsets'));
		this.daemonSets = make<V1DaemonSet>('daemonsets', apps('daemonsets'));
		this.revisions = make<V1ControllerRevision>(
			'controllerrevisions',
			apps('controllerrevisions'),
			slimRevision,
		);
		this.endpointSlices = make<EndpointSlice>(
			'endpointslices',
			scoped('endpointslices', '/apis/discovery.k8s.io/v1'),
			slimEndpointSlice,
		);
	}

	get all(): readonly Watched<never>[] {
		return [this.statefulSets, this.daemonSets, this.revisions, this.endpointSlices] as never;
	}

	read(): Pick<KubernetesData, 'statefulsets' | 'daemonsets' | 'servicesWithoutEndpoints'> {
		const memo = this.#memo;
		const revisions = memo.get('revisions', [this.revisions.version], () =>
			controllerRevisions(this.revisions.list()),
		);
		const statefulsets = memo.get('statefulsets', [this.statefulSets.version, revisions], () =>
			this.statefulSets.list().map((s) => statefulSetRow(s, revisions)),
		);
		const daemonsets = memo.get('daemonsets', [this.daemonSets.version, revisions], () =>
			this.daemonSets.list().map((d) => daemonSetRow(d, revisions)),
		);
		const servicesWithoutEndpoints = memo.get('endpointless', [this.endpointSlices.version], () =>
			this.#endpointless.rows(this.endpointSlices.list()),
		);
		return memo.get('workloads', [statefulsets, daemonsets, servicesWithoutEndpoints], () => ({
			statefulsets,
			daemonsets,
			servicesWithoutEndpoints,
		}));
	}
}

type EndpointSlice = V1EndpointSlice & KubernetesObject;
