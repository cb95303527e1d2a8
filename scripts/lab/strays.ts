// Finds processes that belong to this lab but are in no record: a lab:up
// killed between spawning a server and writing state.json leaves one. Only
// processes whose command line or working directory is inside this lab's
// own directory match (every lab process is started with a path under .lab/
// or a --lab argument), so nothing else on the machine is ever touched.
import {readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {type ProcessRecord, processStartTime} from './process.ts';

function cwdOf(pid: number): string {
	try {
		return `${readlinkSync(`/proc/${pid}/cwd`)}/`;
	} catch {
		return '';
	}
}

export function strayProcesses(labDir: string, known: ReadonlySet<number>): ProcessRecord[] {
	const strays: ProcessRecord[] = [];
	const prefix = `${labDir}/`;
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || pid === process.pid || known.has(pid)) continue;
		let args: string[];
		try {
			args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		} catch {
			continue;
		}
		// Redis rewrites its command line, so its working directory (its data dir) counts too;
		// only data/, so a person's shell sitting in .lab/logs is left alone.
		const ours =
			args.some((arg) => arg === labDir || arg.includes(prefix)) ||
			cwdOf(pid).startsWith(`${prefix}data/`);
		if (!ours) continue;
		strays.push({name: args[0] ?? String(pid), pid, startTime: processStartTime(pid) ?? ''});
	}
	return strays;
}
