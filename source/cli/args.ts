import meow from 'meow';
import {isSeverity, type Severity} from '../timeline/severity.ts';
import {
	type FlagName,
	type flagSpecs,
	flags,
	helpText,
	kebab,
	subcommandSpecs,
} from './cli-spec.ts';
import {isShell, type Shell} from './completion.ts';

export {helpText} from './cli-spec.ts';

export interface Options {
	readonly command: 'dashboard' | 'snapshot' | 'export' | 'check' | 'import' | 'runbook';
	/** `irtop runbook --check FILE`. */
	readonly checkFile?: string;
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
	/** `irtop join`: resume an open incident, picked from a list when `incidentId` is not given. */
	readonly join?: boolean;
	/** The incident for --resume or export; undefined means the latest. */
	readonly incidentId: string | undefined;
	readonly format: 'md' | 'json';
	readonly output: string | undefined;
}

export type ParsedArgs =
	| {readonly kind: 'run'; readonly options: Options}
	| {readonly kind: 'completion'; readonly shell: Shell}
	| {readonly kind: 'complete'; readonly what: string}
	| {
			readonly kind: 'exit';
			readonly code: number;
			readonly stdout?: string;
			readonly stderr?: string;
	  };

/** meow's view of a flag spec: its type, and its short flag when it has one. */
type MeowFlag<S> = S extends {type: infer T; short: infer C}
	? {type: T; shortFlag: C}
	: S extends {type: infer T}
		? {type: T}
		: never;

const meowFlags = Object.fromEntries(
	flags.map((f) => [
		f.name,
		{
			type: f.type,
			...(f.short ? {shortFlag: f.short} : {}),
			...(f.negated ? {default: true} : {}),
		},
	]),
) as {-readonly [K in FlagName]: MeowFlag<(typeof flagSpecs)[K]>};

const commands = subcommandSpecs.map((c) => c.name);

/** Every spelling of every flag, as typed: --read-only, -n, --no-color … */
function knownFlagTokens(): Set<string> {
	const known = new Set<string>();
	for (const flag of flags) {
		known.add(`--${kebab(flag.name)}`);
		if (flag.type === 'boolean') known.add(`--no-${kebab(flag.name)}`);
		if (flag.short) known.add(`-${flag.short}`);
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
		flags: meowFlags,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		help: false,
		description: false,
		pkg: {},
	});
	const f = cli.flags;
	if (f.help) return {kind: 'exit', code: 0, stdout: helpText};
	// `irtop __complete WHAT`: the values a completion script asks for (hidden, like cobra's).
	if (cli.input[0] === '__complete') return {kind: 'complete', what: cli.input[1] ?? ''};
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
	if (command === 'completion') {
		const shell = rest[0];
		if (!isShell(shell)) return usage('completion needs a shell: bash, zsh or fish');
		return {kind: 'completion', shell};
	}
	const exportId = command === 'export' ? rest.shift() : undefined;
	const importFile = command === 'import' ? rest.shift() : undefined;
	const joinId = command === 'join' ? rest.shift() : undefined;
	if (command === 'import' && importFile === undefined)
		return usage('import needs the FILE an `irtop export --format json` wrote');
	const extra = rest;
	if (extra.length > 0) return usage(`unexpected argument "${extra[0]}"`);
	if (f.resume && command !== undefined) return usage('--resume belongs to the dashboard');
	if (command === 'join' && f.incident !== undefined)
		return usage('join opens an incident that exists: --incident starts a new one');
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
	if (f.check !== undefined && command !== 'runbook')
		return usage('--check belongs to `irtop runbook`');

	return {
		kind: 'run',
		options: {
			command:
				command === 'snapshot' ||
				command === 'export' ||
				command === 'check' ||
				command === 'import' ||
				command === 'runbook'
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
			// `join` is the dashboard on an incident that is already open (its flags, too).
			resume: f.resume === true || command === 'join',
			join: command === 'join',
			incidentId: resumeId ?? exportId ?? importFile ?? joinId,
			format: f.format === 'json' ? 'json' : 'md',
			output: f.output,
			checkFile: f.check,
		},
	};
}
