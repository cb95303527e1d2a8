import {readdirSync} from 'node:fs';
import {isAbsolute, join} from 'node:path';

/**
 * `$XDG_STATE_HOME/irtop/incidents`, or `~/.local/state/irtop/incidents`:
 * state, not config or cache. Null when the environment names neither (an
 * embedded or test environment), so nothing is written to a guessed home.
 */
export function incidentsDir(env: NodeJS.ProcessEnv): string | null {
	// A relative XDG_STATE_HOME is ignored, as the XDG spec requires (and as config does).
	if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME))
		return join(env.XDG_STATE_HOME, 'irtop', 'incidents');
	if (env.HOME?.trim()) return join(env.HOME, '.local', 'state', 'irtop', 'incidents');
	return null;
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
