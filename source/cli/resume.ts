import {findIncident, incidentsDir, journalPath, listIncidents} from '../timeline/journal-paths.ts';
import {type LoadedIncident, readJournal} from '../timeline/journal-read.ts';

export class ResumeError extends Error {}

/** The journaled incident for --resume and export: the given id (or a unique prefix), or the latest. */
export function loadIncident(
	env: NodeJS.ProcessEnv,
	id: string | undefined,
	configuredDir?: string,
): LoadedIncident {
	const dir = configuredDir ?? incidentsDir(env);
	if (!dir) throw new ResumeError('no incident journal: set HOME or XDG_STATE_HOME');
	const found = findIncident(dir, id);
	if (!found) {
		const known = listIncidents(dir).slice(-5);
		throw new ResumeError(
			id === undefined
				? `no incidents recorded yet in ${dir}`
				: `no incident "${id}" in ${dir}${known.length ? ` (latest: ${known.join(', ')})` : ''}`,
		);
	}
	return readJournal(journalPath(dir, found));
}
