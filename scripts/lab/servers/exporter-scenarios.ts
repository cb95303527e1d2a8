// Traffic scenarios: a 5xx spike on one service (onboarding-api unless named),
// and the reset every scenario that touched the traffic relies on.
import {labPort} from '../context.ts';
import {startBurst, stopBurst} from '../opensearch/burst.ts';
import type {ScenarioSet} from '../scenario-types.ts';
import {controlExporter} from './exporter.ts';

export const exporterScenarios: ScenarioSet = {
	'error-spike': {
		description:
			"15 % of a service's requests fail with 5xx (default onboarding-api; name another after it)",
		needs: ['exporter'],
		async run(ctx) {
			const service = ctx.args[0] ?? 'onboarding-api';
			await controlExporter(labPort(ctx, 'exporter'), {service, errorRatio: 0.15});
			// The same failures as ERROR lines in the log store (when the lab runs one).
			await startBurst(ctx, 'error-spike', {
				app: service,
				perMinute: 60,
				message: 'upstream request failed: 503 Service Unavailable',
			});
		},
		async reset(ctx) {
			stopBurst(ctx.paths, 'error-spike');
			await controlExporter(labPort(ctx, 'exporter'), {reset: true});
		},
	},
};
