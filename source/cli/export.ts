import {writeFileSync} from 'node:fs';
import {type Config, scrubSecrets, secretValues} from '../config/index.ts';
import {exportJson} from '../timeline/export-json.ts';
import {exportMarkdown} from '../timeline/export-markdown.ts';
import type {Options} from './args.ts';
import type {Io} from './main.ts';
import {loadIncident, ResumeError} from './resume.ts';

/** `irtop export [ID] --format md|json [-o FILE]`: reads the journal, never the live session. */
export function runExport(options: Options, config: Config, io: Io): number {
	let loaded: ReturnType<typeof loadIncident>;
	try {
		loaded = loadIncident(io.env, options.incidentId);
	} catch (error) {
		if (!(error instanceof ResumeError)) throw error;
		io.stderr.write(`irtop: ${error.message}\n`);
		return 1;
	}
	for (const warning of loaded.warnings) io.stderr.write(`irtop: warning: ${warning}\n`);
	const text =
		options.format === 'json'
			? exportJson(loaded.incident, loaded.events)
			: exportMarkdown(loaded.incident, loaded.events, Date.now());
	// Defence in depth: nothing should have recorded a secret, but an export leaves the machine.
	const safe = scrubSecrets(text, secretValues(config));
	if (options.output) {
		writeFileSync(options.output, safe);
		io.stderr.write(`irtop: wrote ${options.output}\n`);
	} else io.stdout.write(safe);
	return 0;
}
