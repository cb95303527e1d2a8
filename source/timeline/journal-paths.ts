import {readdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

/** `$XDG_STATE_HOME/irtop/incidents`, or `~/.local/state/irtop/incidents`: state, not config or cache. */
export function incidentsDir(env: NodeJS.ProcessEnv = process.env): string {
	const state = env.XDG_STATE_HOME?.trim()
		? env.XDG_STATE_HOME
		: join(env.HOME?.trim() ? env.HOME : homedir(), '.local', 'state');
	return join(state, 'irtop', 'incidents');
}

export function journalPath(dir: string, id: string): string {
	return join(dir, `${id}.jsonl`);
}

/** Incident ids with a journal, oldest first (ids start with their UTC start time, so they sort). */
export function listIncidents(dir: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return names
		.filter((name) => name.endsWith('.jsonl'))
		.map((name) => name.slice(0, -'.jsonl'.length))
		.sort();
}

/** The given id (a unique prefix is enough), or the latest incident; null when there is none. */
export function findIncident(dir: string, id?: string): string | null {
	const ids = listIncidents(dir);
	if (id === undefined) return ids.at(-1) ?? null;
	if (ids.includes(id)) return id;
	const matches = ids.filter((candidate) => candidate.startsWith(id));
	return matches.length === 1 ? (matches[0] ?? null) : null;
}
