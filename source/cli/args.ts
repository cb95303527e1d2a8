import meow from 'meow';
import {isSeverity, type Severity} from '../timeline/severity.ts';

export const helpText = `
  irtop — one screen for the first hour of an incident

  Usage
    irtop [options]              the live dashboard (the built-in demo when nothing is configured)
    irtop snapshot --json        one poll of every configured source, printed as JSON
    irtop check [--json]         the quick checks once: exit 0 all pass, 1 any fails, 2 bad config
    irtop --resume [ID]          reopen the latest (or the given) incident with its timeline
    irtop export [ID] [--format md|json] [-o FILE]
                                 the latest (or the given) incident as a post-mortem (md) or JSON
    irtop import FILE            an incident exported with --format json back into the journal

  Options
    --config FILE                configuration file (default: $XDG_CONFIG_HOME/irtop/config.yaml)
    --context NAME               Kubernetes context (default: the kubeconfig's current context)
    -n, --namespace NS           only this namespace
    -A, --all-namespaces         every namespace
    --demo                       play the built-in demo incident (no servers needed)
    --read-only                  remove every key that changes a system
    --refresh SECONDS            seconds between polls (default 2)
    --incident TITLE             open an incident with this title
    --severity P0|P1|P2|P3       its severity (default P2)
    --owner NAME                 its owner (default: the author from config, or $USER)
    --no-color                   no colours (also NO_COLOR)
    --format md|json             export: Markdown post-mortem (default) or lossless JSON
    -o, --output FILE            export: write to FILE instead of stdout
    --json                       snapshot: print JSON (the only format); check: JSON instead of a table
    -h, --help                   this help
    -v, --version                the version

  Keys: press ? in the dashboard. Configuration: docs/configuration.md.
`;

export interface Options {
	readonly command: 'dashboard' | 'snapshot' | 'export' | 'check' | 'import';
	readonly config: string | undefined;
	readonly context: string | undefined;
	readonly namespace: string | undefined;
	readonly allNamespaces: boolean;
	readonly demo: boolean;
	readonly readOnly: boolean;
	readonly refreshSeconds: number | undefined;
	readonly incident: string | undefined;
	readonly severity: Severity | undefined;
	readonly owner: string | undefined;
	readonly color: boolean;
	readonly json: boolean;
	/** --resume: reopen a journaled incident (`incidentId`, or the latest). */
	readonly resume: boolean;
	/** The incident for --resume or export; undefined means the latest. */
	readonly incidentId: string | undefined;
	readonly format: 'md' | 'json';
	readonly output: string | undefined;
}

export type ParsedArgs =
	| {readonly kind: 'run'; readonly options: Options}
	| {
			readonly kind: 'exit';
			readonly code: number;
			readonly stdout?: string;
			readonly stderr?: string;
	  };

const flags = {
	config: {type: 'string'},
	context: {type: 'string'},
	namespace: {type: 'string', shortFlag: 'n'},
	allNamespaces: {type: 'boolean', shortFlag: 'A'},
	demo: {type: 'boolean'},
	readOnly: {type: 'boolean'},
	refresh: {type: 'string'},
	incident: {type: 'string'},
	severity: {type: 'string'},
	owner: {type: 'string'},
	color: {type: 'boolean', default: true},
	json: {type: 'boolean'},
	resume: {type: 'boolean'},
	format: {type: 'string'},
	output: {type: 'string', shortFlag: 'o'},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'v'},
} as const;

const commands = ['snapshot', 'export', 'check', 'import'] as const;

/** Every spelling of every flag, as typed: --read-only, -n, --no-color … */
function knownFlagTokens(): Set<string> {
	const known = new Set<string>();
	for (const [name, flag] of Object.entries(flags)) {
		const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
		known.add(`--${kebab}`);
		if (flag.type === 'boolean') known.add(`--no-${kebab}`);
		if ('shortFlag' in flag) known.add(`-${flag.shortFlag}`);
	}
	return known;
}

const usage = (message: string): ParsedArgs => ({
	kind: 'exit',
	code: 2,
	stderr: `irtop: ${message} (see irtop --help)\n`,
});

/** Parses the command line without side effects: errors are one line and exit code 2. */
export function parseArgs(argv: readonly string[], version: string): ParsedArgs {
	const known = knownFlagTokens();
	for (const token of argv) {
		if (token === '--') break;
		if (!token.startsWith('-') || /^-\d/.test(token)) continue;
		const name = token.split('=')[0]!;
		// Bundled short flags (-An) are not supported; name the first unknown piece.
		if (!known.has(name)) return usage(`unknown flag ${name}`);
	}
	const cli = meow({
		importMeta: import.meta,
		argv: [...argv],
		flags,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		help: false,
		description: false,
		pkg: {},
	});
	const f = cli.flags;
	if (f.help) return {kind: 'exit', code: 0, stdout: helpText};
	if (f.version) return {kind: 'exit', code: 0, stdout: `${version}\n`};

	const input = [...cli.input];
	// `irtop --resume ID`: the id is a plain word, not a command.
	const resumeId =
		f.resume && input[0] !== undefined && !(commands as readonly string[]).includes(input[0])
			? input.shift()
			: undefined;
	const [command, ...rest] = input;
	if (command !== undefined && !(commands as readonly string[]).includes(command)) {
		return usage(`unknown command "${command}"`);
	}
	const exportId = command === 'export' ? rest.shift() : undefined;
	const importFile = command === 'import' ? rest.shift() : undefined;
	if (command === 'import' && importFile === undefined)
		return usage('import needs the FILE an `irtop export --format json` wrote');
	const extra = rest;
	if (extra.length > 0) return usage(`unexpected argument "${extra[0]}"`);
	if (f.resume && command !== undefined) return usage('--resume belongs to the dashboard');
	if (f.resume && f.incident !== undefined)
		return usage('use either --resume or --incident, not both');
	if ((f.format !== undefined || f.output !== undefined) && command !== 'export')
		return usage('--format and --output belong to `irtop export`');
	if (f.format !== undefined && f.format !== 'md' && f.format !== 'json')
		return usage(`--format must be md or json, not "${f.format}"`);

	for (const name of [
		'config',
		'context',
		'namespace',
		'incident',
		'owner',
		'refresh',
		'severity',
		'output',
	] as const) {
		const value = f[name];
		if (value !== undefined && value.trim() === '') return usage(`--${name} needs a value`);
	}
	let refreshSeconds: number | undefined;
	if (f.refresh !== undefined) {
		refreshSeconds = Number(f.refresh);
		if (!Number.isFinite(refreshSeconds) || refreshSeconds < 0.5 || refreshSeconds > 3600) {
			return usage(
				`--refresh must be a number of seconds between 0.5 and 3600, not "${f.refresh}"`,
			);
		}
	}
	let severity: Severity | undefined;
	if (f.severity !== undefined) {
		const upper = f.severity.toUpperCase();
		if (!isSeverity(upper))
			return usage(`--severity must be one of P0, P1, P2, P3, not "${f.severity}"`);
		severity = upper;
	}
	if (f.namespace !== undefined && f.allNamespaces)
		return usage('use either -n NAMESPACE or -A, not both');
	if (f.json && command !== 'snapshot' && command !== 'check')
		return usage('--json belongs to `irtop snapshot` and `irtop check`');
	if (command === 'snapshot' && !f.json) return usage('snapshot prints JSON only: add --json');

	return {
		kind: 'run',
		options: {
			command:
				command === 'snapshot' ||
				command === 'export' ||
				command === 'check' ||
				command === 'import'
					? command
					: 'dashboard',
			config: f.config,
			context: f.context,
			namespace: f.namespace,
			allNamespaces: f.allNamespaces === true,
			demo: f.demo === true,
			readOnly: f.readOnly === true,
			refreshSeconds,
			incident: f.incident,
			severity,
			owner: f.owner,
			color: f.color !== false && !process.env.NO_COLOR,
			json: f.json === true,
			resume: f.resume === true,
			incidentId: resumeId ?? exportId ?? importFile,
			format: f.format === 'json' ? 'json' : 'md',
			output: f.output,
		},
	};
}
