import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import type {ServiceWithoutEndpointsRow} from '../../model/index.ts';
import type {PanelLine} from './panel.ts';

/**
 * A Service with no ready endpoint is an outage by itself, so it sits with the
 * alerts: "✗ svc ns/name no ready endpoint 12m (1 not ready)". Longest first.
 */
export function endpointlessLines(
	rows: readonly ServiceWithoutEndpointsRow[],
	now: number,
	width: number,
): PanelLine[] {
	return rows
		.toSorted((a, b) => a.since - b.since)
		.map((s) => {
			const service = `${sanitizeLine(s.namespace)}/${sanitizeLine(s.name)}`;
			const why = s.notReady > 0 ? ` (${s.notReady} not ready)` : ' (none selected)';
			return {
				key: `svc:${s.namespace}/${s.name}`,
				text: fitWidth(
					`✗ svc ${service} no ready endpoint ${formatAge(now - s.since)}${why}`,
					width,
				),
				tone: 'error',
				match: `service ${s.namespace} ${s.name} endpoints`,
			};
		});
}
