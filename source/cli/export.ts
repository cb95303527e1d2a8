import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {type Config, scrubSecrets, secretValues} from '../config/index.ts';
import {exportJson, importJson} from '../timeline/export-json.ts';
import {exportMarkdown} from '../timeline/export-markdown.ts';
import {Journal} from '../timeline/journal.ts';
import {incidentsDir, journalPath} from '../timeline/journal-paths.ts';
import {milestones} from '../timeline/milestones.ts';
import type {Options} from './args.ts';
import {measureImpact} from './impact.ts';
import type {Io} from './io.ts';
import {loadIncident, ResumeError} from './resume.ts';

/** `irtop export [ID] --format md|json [-o FILE]`: reads the journal, never the live session. */
export async function runExport(options: Options, config: Config, io: Io): Promise<number> {
	let loaded: ReturnType<typeof loadIncident>;
	try {
		loaded = loadIncident(io.env, options.incidentId, config.timeline.dir);
	} catch (error) {
		if (!(error instanceof ResumeError)) throw error;
		io.stderr.write(`irtop: ${error.message}\n`);
		return 1;
	}
	for (const warning of loaded.warnings) io.stderr.write(`irtop: warning: ${warning}\n`);
	const now = Date.now();
	let text: string;
	if (options.format === 'json') text = exportJson(loaded.incident, loaded.events);
	else {
		const end = milestones(loaded)?.resolved ?? now;
		const impact = await measureImpact(config, loaded.incident.startedAt, end);
		text = exportMarkdown(loaded.incident, loaded.events, now, impact);
	}
	// Defence in depth: nothing should have recorded a secret, but an export leaves the machine.
	const safe = scrubSecrets(text, secretValues(config));
	if (options.output) {
		writeFileSync(options.output, safe);
		io.stderr.write(`irtop: wrote ${options.output}\n`);
	} else io.stdout.write(safe);
	return 0;
}

/**
 * `irtop import FILE`: a JSON export back into the journal, event by event
 * through the same write + fsync path, so `--resume` and `export` see it.
 */
export function runImport(options: Options, io: Io): number {
	const file = options.incidentId ?? '';
	const dir = incidentsDir(io.env);
	if (!dir) {
		io.stderr.write('irtop: no incident journal: set HOME or XDG_STATE_HOME\n');
		return 1;
	}
	let imported: ReturnType<typeof importJson>;
	try {
		imported = importJson(readFileSync(file, 'utf8'));
	} catch (error) {
		io.stderr.write(`irtop: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}
	const {incident, events} = imported;
	if (existsSync(journalPath(dir, incident.id))) {
		io.stderr.write(`irtop: incident ${incident.id} is already in ${dir}\n`);
		return 1;
	}
	const journal = new Journal(dir);
	try {
		for (const event of events) journal.write(incident, event);
	} finally {
		journal.close();
	}
	io.stdout.write(`${incident.id}\n`);
	return 0;
}
