// lab:down: stops every process the lab recorded (scenario helpers first,
// then the servers), then any stray process that names this lab's directory
// (left by a lab:up that died before it could record it), and removes .lab/.
import {existsSync, rmSync} from 'node:fs';
import {say, seconds} from './log.ts';
import {stopProcess} from './process.ts';
import type {LabContext} from './server.ts';
import {readState} from './state.ts';
import {strayProcesses} from './strays.ts';

export async function down(ctx: LabContext): Promise<void> {
	const started = performance.now();
	const state = readState(ctx.paths);
	if (state) {
		const helpers = Object.values(state.helpers).flat();
		await Promise.all(helpers.map((p) => stopProcess(p, 5000)));
		if (helpers.length > 0) say(`stopped ${helpers.length} scenario helper(s)`);
		await Promise.all(
			Object.values(state.servers).map(async (server) => {
				const t = performance.now();
				const results = await Promise.all(server.processes.map((p) => stopProcess(p)));
				const stopped = results.filter(Boolean).length;
				say(
					`${server.name}: ${stopped > 0 ? `stopped ${server.processes.map((p) => p.pid).join(',')}` : 'was not running'} (${seconds(performance.now() - t)})`,
				);
			}),
		);
	}
	const strays = strayProcesses(ctx.paths.lab, new Set());
	for (const stray of strays) {
		say(`stopping unrecorded lab process ${stray.pid} (${stray.name})`);
		await stopProcess(stray, 5000);
	}
	if (existsSync(ctx.paths.lab)) rmSync(ctx.paths.lab, {recursive: true, force: true});
	say(
		state || strays.length > 0
			? `lab down in ${seconds(performance.now() - started)}`
			: 'lab was not running',
	);
}
