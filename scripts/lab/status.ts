// lab:status: each recorded server, its address, its pids, and whether it
// answers right now (the server's own readiness check, with a short timeout).
import {withSignal} from './context.ts';
import {say, table} from './log.ts';
import {isAlive} from './process.ts';
import {labServers} from './registry.ts';
import type {LabContext} from './server.ts';
import {readState} from './state.ts';

export async function status(ctx: LabContext): Promise<boolean> {
	const state = readState(ctx.paths);
	const {servers, notes} = await labServers({kafka39: true});
	if (!state || Object.keys(state.servers).length === 0) {
		say('lab is not running (npm run lab:up)');
		for (const note of notes) say(note);
		return false;
	}
	const rows = await Promise.all(
		servers
			.filter((s) => state.servers[s.name] !== undefined)
			.map(async (server) => {
				const record = state.servers[server.name]!;
				const running = record.processes.length > 0 && record.processes.every(isAlive);
				let healthy = 'no (not running)';
				if (running) {
					try {
						const sctx = {...withSignal(ctx, AbortSignal.timeout(3000)), log: () => {}};
						await server.waitReady(sctx);
						healthy = 'yes';
					} catch (error) {
						healthy = `no (${error instanceof Error ? error.message.split('\n')[0] : error})`;
					}
				}
				return [
					server.name,
					Object.values(record.ports)
						.map((p) => `127.0.0.1:${p}`)
						.join(' '),
					record.processes.map((p) => `${p.pid}${isAlive(p) ? '' : ' (gone)'}`).join(','),
					healthy,
				];
			}),
	);
	say(table(['SERVER', 'ADDRESS', 'PID', 'HEALTHY'], rows));
	const helpers = Object.entries(state.helpers);
	for (const [scenario, records] of helpers) {
		say(
			`scenario ${scenario}: helper ${records.map((p) => `${p.pid}${isAlive(p) ? '' : ' (gone)'}`).join(',')}`,
		);
	}
	for (const note of notes) say(note);
	return rows.every((row) => row[3] === 'yes');
}
