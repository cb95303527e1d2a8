import type {DeploymentRef, WorkloadRef} from '../actions/mitigations.ts';
import {formatBytes} from '../format/numbers.ts';
import type {DeploymentRow, LogQuery, LogsData, SourceDataMap} from '../model/index.ts';
import {demoRotated} from './disk.ts';
import {servicesWithoutEndpointsAt} from './endpoints.ts';
import type {Intervention} from './interventions.ts';
import {replicasError} from './interventions.ts';
import {findDeployment} from './inventory.ts';
import {clusterAt} from './kubernetes.ts';
import {logStoreAt} from './log-store.ts';
import {type DemoRaise, demoPostgresWorkload, withMaxConnections} from './postgres-settings.ts';
import type {Scenario} from './scenario.ts';
import {buildScenario} from './scenario.ts';
import {snapshotAt} from './snapshot.ts';
import {findWorkload, type WorkloadChange, workloadsAt} from './workloads.ts';

export interface DemoWorldOptions {
	/** The clock interventions and polls use when no time is given; Date.now by default. */
	readonly now?: () => number;
}

/** What kubectl would have printed. */
export interface InterventionResult {
	readonly ok: boolean;
	readonly message: string;
}

/**
 * The demo incident as a pure function: `at(now)` depends only on the start
 * time and the recorded interventions, so a test can ask for any moment, in
 * any order, and get the same answer every time.
 */
export class DemoWorld {
	readonly startedAt: number;
	readonly #clock: () => number;
	#interventions: readonly Intervention[] = [];
	#scenario: Scenario | undefined;
	#logsCleanedAt: number | null = null;
	/** PVCs extended in the demo, "namespace/name" → bytes. */
	#pvcSizes: ReadonlyMap<string, number> = new Map();
	// Apart from the interventions: they change no part of the incident's story.
	#workloadChanges: readonly WorkloadChange[] = [];
	/** The last ALTER SYSTEM SET max_connections. */
	#maxConnectionsRaise: DemoRaise | undefined;

	constructor(startedAt: number, options: DemoWorldOptions = {}) {
		this.startedAt = startedAt;
		this.#clock = options.now ?? Date.now;
	}

	now(): number {
		return this.#clock();
	}

	get interventions(): readonly Intervention[] {
		return this.#interventions;
	}

	/** Every source's data at `now` (epoch ms). */
	at(now: number): SourceDataMap {
		const cleaned = this.#logsCleanedAt !== null && this.#logsCleanedAt <= now;
		const scenario = this.#current();
		const t = this.#seconds(now);
		const data = snapshotAt(scenario, t, {
			now,
			logsCleanedAt: cleaned ? this.#logsCleanedAt : null,
			pvcSizes: this.#pvcSizes,
		});
		const servicesWithoutEndpoints = servicesWithoutEndpointsAt(
			(s) => (s === t ? data.kubernetes : clusterAt(scenario, s).data),
			t,
			scenario.toMs,
		);
		return {
			...data,
			postgres: withMaxConnections(
				data.postgres,
				this.#maxConnectionsRaise,
				this.#workloadChanges,
				this.startedAt,
				now,
			),
			kubernetes: {
				...data.kubernetes,
				...workloadsAt(this.#workloadChanges, now),
				servicesWithoutEndpoints,
			},
		};
	}

	/** `kubectl patch pvc …` on the demo cluster: its expandable StorageClass grows the volume at once. */
	extendPvc(namespace: string, name: string, bytes: number): InterventionResult {
		this.#pvcSizes = new Map([...this.#pvcSizes, [`${namespace}/${name}`, bytes]]);
		return {ok: true, message: `persistentvolumeclaim/${name} patched`};
	}

	/** The runbook's `find /var/log -name "*.gz" -mtime +30 -delete` on the demo VPS. */
	cleanLogs(at: number = this.now()): InterventionResult {
		if (this.#logsCleanedAt !== null)
			return {ok: true, message: 'deleted 0 files, 0 B freed under /var/log'};
		this.#logsCleanedAt = at;
		return {
			ok: true,
			message: `deleted ${demoRotated.count} files, ${formatBytes(demoRotated.bytes)} freed under /var/log`,
		};
	}

	/** The log store's answer to a search at `now`: the view's query rather than the runbook's. */
	searchLogs(now: number, query: LogQuery): LogsData {
		const scenario = this.#current();
		const t = this.#seconds(now);
		return logStoreAt(scenario, t, clusterAt(scenario, t), query);
	}

	/** `ALTER SYSTEM SET max_connections = <to>` then the restart of statefulset/postgresql, at `at`. */
	raiseMaxConnections(from: number, to: number, at: number = this.now()): InterventionResult {
		this.#maxConnectionsRaise = {from, to, at};
		const restarted = this.restartWorkload(demoPostgresWorkload, at);
		return restarted.ok
			? {ok: true, message: `max_connections = ${to} written; ${restarted.message}`}
			: restarted;
	}

	/** `kubectl rollout restart statefulset/<name>` (or daemonset/) at `at` (epoch ms). */
	restartWorkload(ref: WorkloadRef, at: number = this.now()): InterventionResult {
		if (!findWorkload(ref)) return workloadNotFound(ref);
		this.#workloadChanges = [...this.#workloadChanges, {kind: 'restart', ref, at}];
		return {ok: true, message: `${ref.kind}.apps/${ref.name} restarted`};
	}

	/** `kubectl scale statefulset/<name> --replicas=N` at `at` (epoch ms). */
	scaleStatefulSet(
		ref: WorkloadRef,
		replicas: number,
		at: number = this.now(),
	): InterventionResult {
		const invalid = replicasError(replicas);
		if (invalid) return {ok: false, message: invalid};
		if (!findWorkload(ref)) return workloadNotFound(ref);
		this.#workloadChanges = [...this.#workloadChanges, {kind: 'scale', ref, replicas, at}];
		return {ok: true, message: `${ref.kind}.apps/${ref.name} scaled`};
	}

	/** `kubectl rollout restart deployment/<name> -n <namespace>` at `at` (epoch ms). */
	restart(target: DeploymentRef, at: number = this.now()): InterventionResult {
		const missing = notFound(target);
		if (missing) return missing;
		this.#record({kind: 'restart', namespace: target.namespace, name: target.name, at});
		return {ok: true, message: `deployment.apps/${target.name} restarted`};
	}

	/** `kubectl scale deployment/<name> -n <namespace> --replicas=N` at `at` (epoch ms). */
	scale(target: DeploymentRef, replicas: number, at: number = this.now()): InterventionResult {
		const invalid = replicasError(replicas);
		if (invalid) return {ok: false, message: invalid};
		const missing = notFound(target);
		if (missing) return missing;
		this.#record({kind: 'scale', namespace: target.namespace, name: target.name, replicas, at});
		return {ok: true, message: `deployment.apps/${target.name} scaled`};
	}

	/** A deployment's row at `now`, or undefined when the demo cluster has no such deployment. */
	deployment(target: DeploymentRef, now: number = this.now()): DeploymentRow | undefined {
		return clusterAt(this.#current(), this.#seconds(now)).data.deployments.find(
			(d) => d.namespace === target.namespace && d.name === target.name,
		);
	}

	#seconds(now: number): number {
		return (now - this.startedAt) / 1000;
	}

	#current(): Scenario {
		this.#scenario ??= buildScenario(this.startedAt, this.#interventions);
		return this.#scenario;
	}

	#record(intervention: Intervention): void {
		this.#interventions = [...this.#interventions, intervention];
		this.#scenario = undefined;
	}
}

function notFound(target: DeploymentRef): InterventionResult | null {
	return findDeployment(target.namespace, target.name)
		? null
		: {
				ok: false,
				message: `Error from server (NotFound): deployments.apps "${target.name}" not found`,
			};
}

function workloadNotFound(ref: WorkloadRef): InterventionResult {
	return {
		ok: false,
		message: `Error from server (NotFound): ${ref.kind}s.apps "${ref.name}" not found`,
	};
}
