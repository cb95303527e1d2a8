import type {SourceDataMap, SourceId} from '../model/index.ts';

/** The sparkline series a successful poll contributes, by history key. */
export function historyPoints<K extends SourceId>(
	id: K,
	data: SourceDataMap[K],
): [string, number][] {
	switch (id) {
		case 'prometheus': {
			const {services} = data as SourceDataMap['prometheus'];
			return services.flatMap((s) =>
				s.errorRatio === null || !Number.isFinite(s.errorRatio)
					? []
					: [[historyKey.errors(s.name), s.errorRatio] as [string, number]],
			);
		}
		case 'kafka': {
			const {groups} = data as SourceDataMap['kafka'];
			return groups.map((g) => [historyKey.lag(g.group), g.lag]);
		}
		case 'postgres': {
			const {connections} = data as SourceDataMap['postgres'];
			return [[historyKey.connections, connections.total]];
		}
		default:
			return [];
	}
}

export const historyKey = {
	errors: (service: string) => `errors:${service}`,
	lag: (group: string) => `lag:${group}`,
	connections: 'postgres:connections',
} as const;
