// Kafka scenario: a consumer group stops consuming while the producer goes on.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {labPort} from '../context.ts';
import type {ScenarioSet} from '../scenario-types.ts';
import {waitFor} from '../wait.ts';

const helper = join(import.meta.dirname, '../kafka/lag-helper.ts');

export const kafkaScenarios: ScenarioSet = {
	'kafka-lag': {
		description:
			'onboarding-workers catches up, then stops consuming while a producer writes 20 msg/s',
		needs: ['kafka'],
		async run(ctx) {
			await ctx.stopHelpers('kafka-lag');
			const broker = `127.0.0.1:${labPort(ctx, 'kafka')}`;
			await ctx.spawnHelper('kafka-lag', helper, ['--broker', broker, ...ctx.args]);
			const log = ctx.paths.logFile('scenario-kafka-lag');
			await waitFor(
				'kafka-lag: consumer stopped',
				async () => readFileSync(log, 'utf8').includes('consumer stopped consuming'),
				{timeoutMs: 60_000, signal: ctx.signal},
			);
		},
	},
};
