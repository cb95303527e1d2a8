// Kafka scenario: a consumer group stops consuming while the producer goes on.

import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {labPort} from '../context.ts';
import type {ScenarioSet} from '../scenario-types.ts';

const helper = join(import.meta.dirname, '../kafka/lag-helper.ts');

export const kafkaScenarios: ScenarioSet = {
	'kafka-lag': {
		description:
			'onboarding-workers catches up, then stops consuming while a producer writes 20 msg/s',
		needs: ['kafka'],
		async run(ctx) {
			await ctx.stopHelpers('kafka-lag');
			const broker = `127.0.0.1:${labPort(ctx, 'kafka')}`;
			const log = ctx.paths.logFile('scenario-kafka-lag');
			// The log is appended across runs: only what this helper writes counts.
			const from = existsSync(log) ? statSync(log).size : 0;
			const lagHelper = await ctx.spawnHelper('kafka-lag', helper, [
				'--broker',
				broker,
				...ctx.args,
			]);
			await ctx.waitForHelper('kafka-lag', lagHelper, async () =>
				readFileSync(log, 'utf8').slice(from).includes('consumer stopped consuming'),
			);
		},
	},
};
