// Which servers the lab runs, in start order. Kubernetes is built by its own
// module (servers/kubernetes.ts) and joins when that module exists; until
// then the lab runs without it and says so.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {LabServer} from './server.ts';
import {alertmanager} from './servers/alertmanager.ts';
import {exporter} from './servers/exporter.ts';
import {kafka, kafka39} from './servers/kafka.ts';
import {opensearch} from './servers/opensearch.ts';
import {postgres} from './servers/postgres.ts';
import {prometheus} from './servers/prometheus.ts';
import {redis} from './servers/redis.ts';

export interface Selection {
	readonly kafka39: boolean;
	/** Only these servers (`--only postgres,redis`); all when absent. */
	readonly only?: readonly string[];
}

/** The ports each server binds (checked free before anything starts). */
export const serverPorts: Readonly<Record<string, readonly string[]>> = {
	postgres: ['postgres'],
	redis: ['redis'],
	exporter: ['exporter'],
	alertmanager: ['alertmanager'],
	prometheus: ['prometheus'],
	kafka: ['kafka', 'kafkaController'],
	kafka39: ['kafka39', 'kafka39Controller'],
	kubernetes: ['apiserver', 'kine', 'metrics', 'kubelet'],
	opensearch: ['opensearch', 'opensearchTransport'],
};

function isLabServer(value: unknown): value is LabServer {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Partial<LabServer>;
	return (
		typeof v.name === 'string' &&
		typeof v.provision === 'function' &&
		typeof v.start === 'function' &&
		typeof v.waitReady === 'function' &&
		typeof v.seed === 'function' &&
		typeof v.endpoint === 'function'
	);
}

export type Optional<T> =
	| {readonly ok: true; readonly value: T}
	| {readonly ok: false; readonly reason: string};

/** Loads a module that may not exist yet, and picks the first export that passes `pick`. */
export async function loadOptional<T>(
	file: string,
	pick: (exports: Record<string, unknown>) => T | undefined,
	what: string,
): Promise<Optional<T>> {
	if (!existsSync(file)) return {ok: false, reason: `${what}: not provisioned yet`};
	try {
		const module = (await import(file)) as Record<string, unknown>;
		const value = pick(module);
		return value === undefined
			? {ok: false, reason: `${what}: ${file} exports nothing usable`}
			: {ok: true, value};
	} catch (error) {
		return {
			ok: false,
			reason: `${what}: cannot load ${file}: ${error instanceof Error ? error.message : error}`,
		};
	}
}

export function loadKubernetes(): Promise<Optional<LabServer>> {
	return loadOptional(
		join(import.meta.dirname, 'servers', 'kubernetes.ts'),
		(exports) => {
			const candidates = [exports.kubernetes, exports.default, ...Object.values(exports)];
			return candidates.find(isLabServer);
		},
		'kubernetes',
	);
}

export interface Servers {
	readonly servers: LabServer[];
	/** Why a server the lab knows is absent (e.g. "kubernetes: not provisioned yet"). */
	readonly notes: string[];
}

export async function labServers(selection: Selection): Promise<Servers> {
	const servers: LabServer[] = [
		postgres,
		redis,
		exporter,
		alertmanager,
		prometheus,
		kafka,
		opensearch,
	];
	if (selection.kafka39) servers.push(kafka39);
	const notes: string[] = [];
	const only = selection.only;
	if (!only || only.includes('kubernetes')) {
		const k8s = await loadKubernetes();
		if (k8s.ok) servers.push(k8s.value);
		else notes.push(k8s.reason);
	}
	if (only) {
		const known = new Set([...servers.map((s) => s.name), 'kafka39', 'kubernetes']);
		const unknown = only.filter((name) => !known.has(name));
		if (unknown.length > 0) throw new Error(`--only: unknown server ${unknown.join(', ')}`);
		return {servers: servers.filter((s) => only.includes(s.name)), notes};
	}
	return {servers, notes};
}
