// The one description of irtop's command line: `--help`, the argument parser's
// flags and the shell completion scripts are all made from these tables, so
// none of them can name a flag the others do not know.

/** How a flag's value completes in a shell. */
export type ValueCompletion =
	| {readonly kind: 'file'}
	| {readonly kind: 'values'; readonly values: readonly string[]}
	/** Asked of irtop itself at completion time: `irtop __complete contexts`. */
	| {readonly kind: 'dynamic'; readonly what: 'contexts' | 'incidents'}
	| {readonly kind: 'none'};

export interface FlagSpec {
	readonly short?: string;
	readonly type: 'boolean' | 'string';
	/** The placeholder the help shows: FILE, NAME … */
	readonly value?: string;
	/** The help shows `--no-NAME` (the flag defaults to on). */
	readonly negated?: boolean;
	readonly description: string;
	readonly completion?: ValueCompletion;
}

/** Keyed by the parser's name (camelCase); the long flag is its kebab-case. */
export const flagSpecs = {
	config: {
		type: 'string',
		value: 'FILE',
		description: 'configuration file (default: $XDG_CONFIG_HOME/irtop/config.yaml)',
		completion: {kind: 'file'},
	},
	context: {
		type: 'string',
		value: 'NAME',
		description: "Kubernetes context (default: the kubeconfig's current context)",
		completion: {kind: 'dynamic', what: 'contexts'},
	},
	namespace: {
		short: 'n',
		type: 'string',
		value: 'NS',
		description: "only this namespace (default: the context's, else every namespace)",
	},
	allNamespaces: {short: 'A', type: 'boolean', description: 'every namespace'},
	demo: {type: 'boolean', description: 'play the built-in demo incident (no servers needed)'},
	readOnly: {type: 'boolean', description: 'remove every key that changes a system'},
	refresh: {type: 'string', value: 'SECONDS', description: 'seconds between polls (default 2)'},
	incident: {type: 'string', value: 'TITLE', description: 'open an incident with this title'},
	severity: {
		type: 'string',
		value: 'P0|P1|P2|P3',
		description: 'its severity (default P2)',
		completion: {kind: 'values', values: ['P0', 'P1', 'P2', 'P3']},
	},
	owner: {
		type: 'string',
		value: 'NAME',
		description: 'its owner (default: the author from config, or $USER)',
	},
	color: {type: 'boolean', negated: true, description: 'no colours (also NO_COLOR)'},
	resume: {
		type: 'boolean',
		value: '[ID]',
		description: 'reopen the latest (or the given) incident with its timeline',
		completion: {kind: 'dynamic', what: 'incidents'},
	},
	format: {
		type: 'string',
		value: 'md|json',
		description: 'export: Markdown post-mortem (default) or lossless JSON',
		completion: {kind: 'values', values: ['md', 'json']},
	},
	output: {
		short: 'o',
		type: 'string',
		value: 'FILE',
		description: 'export: write to FILE instead of stdout',
		completion: {kind: 'file'},
	},
	json: {
		type: 'boolean',
		description: 'snapshot: print JSON (the only format); check: JSON instead of a table',
	},
	check: {
		type: 'string',
		value: 'FILE',
		description: 'runbook: validate the runbook: of FILE (exit 2 with file:line:field)',
		completion: {kind: 'file'},
	},
	help: {short: 'h', type: 'boolean', description: 'this help'},
	version: {short: 'v', type: 'boolean', description: 'the version'},
} as const satisfies Record<string, FlagSpec>;

export interface SubcommandSpec {
	readonly name: string;
	/** After `irtop NAME`, as the help's usage shows it. */
	readonly synopsis: string;
	readonly description: string;
	/** What its positional argument completes to. */
	readonly argument?: ValueCompletion;
}

export const subcommandSpecs: readonly SubcommandSpec[] = [
	{
		name: 'snapshot',
		synopsis: '--json',
		description: 'one poll of every configured source, printed as JSON',
	},
	{
		name: 'check',
		synopsis: '[--json]',
		description: 'the quick checks once: exit 0 all pass, 1 any fails, 2 bad config',
	},
	{
		name: 'export',
		synopsis: '[ID] [--format md|json] [-o FILE]',
		description: 'the latest (or the given) incident as a post-mortem (md) or JSON',
		argument: {kind: 'dynamic', what: 'incidents'},
	},
	{
		name: 'import',
		synopsis: 'FILE',
		description: 'an incident exported with --format json back into the journal',
		argument: {kind: 'file'},
	},
	{
		name: 'runbook',
		synopsis: '[--check FILE]',
		description: 'print the effective runbook and what each step waits for',
	},
	{
		name: 'join',
		synopsis: '[ID] [options]',
		description: 'the open incidents (title, severity, age, responders): join one, or ID',
		argument: {kind: 'dynamic', what: 'incidents'},
	},
	{
		name: 'completion',
		synopsis: 'bash|zsh|fish',
		description: 'a completion script for the shell (see the README)',
		argument: {kind: 'values', values: ['bash', 'zsh', 'fish']},
	},
];

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export type FlagName = keyof typeof flagSpecs;

/** Every flag with its name, in the help's order. */
export const flags: readonly (FlagSpec & {readonly name: FlagName})[] = Object.entries(
	flagSpecs,
).map(([name, spec]) => ({name: name as FlagName, ...spec}));

/** The long flag as typed: --read-only, --no-color. */
export function longFlag(flag: FlagSpec & {readonly name: string}): string {
	return `--${flag.negated ? 'no-' : ''}${kebab(flag.name)}`;
}

const column = 29;
const row = (left: string, right: string) =>
	left.length < column - 1
		? `    ${left.padEnd(column)}${right}`
		: `    ${left}\n    ${' '.repeat(column)}${right}`;

function flagLabel(flag: FlagSpec & {readonly name: string}): string {
	const names = flag.short ? `-${flag.short}, ${longFlag(flag)}` : longFlag(flag);
	return flag.value ? `${names} ${flag.value}` : names;
}

export const helpText = [
	'',
	'  irtop — one screen for the first hour of an incident',
	'',
	'  Usage',
	row('irtop [options]', 'the live dashboard (the built-in demo when nothing is configured)'),
	row('irtop --resume [ID]', 'reopen the latest (or the given) incident with its timeline'),
	...subcommandSpecs.map((c) => row(`irtop ${c.name} ${c.synopsis}`, c.description)),
	'',
	'  Options',
	...flags.filter((f) => f.name !== 'resume').map((f) => row(flagLabel(f), f.description)),
	'',
	'  Keys: press ? in the dashboard. Configuration: docs/configuration.md.',
	'',
].join('\n');
