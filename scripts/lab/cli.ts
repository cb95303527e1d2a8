// The lab's command line, behind the npm scripts:
//   lab:provision [--kafka39]   install packages, fetch jars, build binaries (cached)
//   lab:up [--kafka39] [--only a,b]  start, wait for and seed every server (or those named)
//   lab:down                    stop everything the lab started, remove .lab/
//   lab:status                  each server, address, pid, healthy or not
//   lab:scenario NAME [ARGS]    produce a runbook symptom (list: lab:scenario)

import {parseArgs} from 'node:util';
import {labContext} from './context.ts';
import {down} from './down.ts';
import {provision} from './provision.ts';
import {silenceKafkajsTimerWarning} from './quiet.ts';
import {scenario} from './scenario.ts';
import {status} from './status.ts';
import {up} from './up.ts';

silenceKafkajsTimerWarning();

const [command, ...rest] = process.argv.slice(2);
// A scenario's own arguments (kafka-lag --topic t) are passed through untouched.
const {values} = parseArgs({
	args: command === 'scenario' ? [] : rest,
	allowPositionals: true,
	options: {kafka39: {type: 'boolean', default: false}, only: {type: 'string'}},
});
const only = values.only?.split(',').filter(Boolean);
const selection = {
	kafka39: (values.kafka39 ?? false) || (only?.includes('kafka39') ?? false),
	...(only ? {only} : {}),
};

async function main(): Promise<number> {
	const controller = new AbortController();
	process.once('SIGINT', () => controller.abort(new Error('interrupted')));
	const ctx = labContext({signal: controller.signal});
	switch (command) {
		case 'provision':
			await provision(ctx, selection);
			return 0;
		case 'up':
			await up(ctx, selection);
			return 0;
		case 'down':
			await down(ctx);
			return 0;
		case 'status':
			return (await status(ctx)) ? 0 : 1;
		case 'scenario':
			await scenario(ctx, rest);
			return 0;
		default:
			process.stderr.write('usage: cli.ts provision|up|down|status|scenario NAME [--kafka39]\n');
			return 2;
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
