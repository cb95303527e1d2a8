// Records core/v1 Events the way the kubelet and scheduler do: a repeated
// event (same object, reason and source) bumps count and lastTimestamp of one
// Event object instead of creating another.
import {createHash} from 'node:crypto';
import type {KubeClient} from './client.ts';

export interface Involved {
	kind: string;
	name: string;
	namespace?: string;
	uid?: string;
	apiVersion?: string;
	fieldPath?: string;
}

export interface EventIntent {
	involved: Involved;
	type: 'Normal' | 'Warning';
	reason: string;
	message: string;
	component: string;
	host?: string;
	/** The count to set, when the caller knows it (e.g. back-offs = restarts). */
	count?: number;
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function eventRecorder(client: KubeClient, log: (line: string) => void) {
	const counts = new Map<string, number>();

	return async function record(intent: EventIntent): Promise<void> {
		const namespace = intent.involved.namespace ?? 'default';
		const name = `${intent.involved.name}.${createHash('sha256').update(`${intent.involved.uid}/${intent.involved.fieldPath}/${intent.reason}/${intent.component}`).digest('hex').slice(0, 16)}`;
		const path = `/api/v1/namespaces/${namespace}/events`;
		try {
			let known = counts.get(name);
			if (known === undefined) {
				try {
					const at = now();
					await client.create(path, {
						apiVersion: 'v1',
						kind: 'Event',
						metadata: {name, namespace},
						involvedObject: {
							apiVersion: 'v1',
							...intent.involved,
							namespace: intent.involved.namespace,
						},
						reason: intent.reason,
						message: intent.message,
						type: intent.type,
						source: {component: intent.component, ...(intent.host ? {host: intent.host} : {})},
						reportingComponent: intent.component,
						reportingInstance: intent.host ?? '',
						firstTimestamp: at,
						lastTimestamp: at,
						count: intent.count ?? 1,
					});
					counts.set(name, intent.count ?? 1);
					return;
				} catch (error) {
					if ((error as {code?: number}).code !== 409) throw error;
					known = (await client.get<{count?: number}>(`${path}/${name}`)).count ?? 1;
				}
			}
			const count = intent.count ?? known + 1;
			await client.patch(`${path}/${name}`, {count, lastTimestamp: now(), message: intent.message});
			counts.set(name, count);
		} catch (error) {
			// An event that cannot be written is not worth stopping the simulation.
			log(
				`event ${intent.reason} for ${intent.involved.kind} ${namespace}/${intent.involved.name}: ${(error as Error).message}`,
			);
			counts.delete(name);
		}
	};
}

export type RecordEvent = ReturnType<typeof eventRecorder>;
