// Shell completion scripts, made from the same tables as --help (cli-spec.ts),
// and the values they ask irtop for while completing (`irtop __complete WHAT`).
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {parse} from 'yaml';
import {incidentsDir, listIncidents} from '../timeline/journal-paths.ts';
import {type FlagSpec, flags, longFlag, subcommandSpecs, type ValueCompletion} from './cli-spec.ts';

export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

export function isShell(value: string | undefined): value is Shell {
	return (shells as readonly (string | undefined)[]).includes(value);
}

type NamedFlag = FlagSpec & {readonly name: string};

/** The spellings of a flag as typed: -n and --namespace. */
const spellings = (f: NamedFlag) => [...(f.short ? [`-${f.short}`] : []), longFlag(f)];
/** Flags whose next word is their value (boolean --resume takes an optional id: completed too). */
const takesValue = (f: NamedFlag) => f.type === 'string' || f.completion !== undefined;

export function completionScript(shell: Shell): string {
	switch (shell) {
		case 'bash':
			return bashScript();
		case 'zsh':
			return zshScript();
		case 'fish':
			return fishScript();
	}
}

function bashValues(completion: ValueCompletion | undefined): string {
	switch (completion?.kind) {
		case 'file':
			return 'COMPREPLY=($(compgen -f -- "$cur"))';
		case 'values':
			return `COMPREPLY=($(compgen -W "${completion.values.join(' ')}" -- "$cur"))`;
		case 'dynamic':
			return `COMPREPLY=($(compgen -W "$(irtop __complete ${completion.what} 2>/dev/null)" -- "$cur"))`;
		default:
			return 'COMPREPLY=()';
	}
}

function bashScript(): string {
	const valueCases = flags.filter(takesValue).map((f) => {
		// A boolean flag's value is optional (--resume [ID]): a dash after it starts the next flag.
		const values = bashValues(f.completion);
		const body =
			f.type === 'boolean'
				? `if [[ "$cur" != -* ]]; then ${values}; return; fi ;;`
				: `${values}; return ;;`;
		return `\t\t${spellings(f).join('|')}) ${body}`;
	});
	const argumentCases = subcommandSpecs
		.filter((c) => c.argument)
		.map((c) => `\t\t${c.name}) ${bashValues(c.argument)} ;;`);
	const allFlags = flags.flatMap(spellings).join(' ');
	const names = subcommandSpecs.map((c) => c.name).join(' ');
	return `# irtop completion for bash. Install: irtop completion bash > /etc/bash_completion.d/irtop
# (or add 'source <(irtop completion bash)' to ~/.bashrc).
_irtop() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" sub="" i
	case "$prev" in
${valueCases.join('\n')}
	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "${allFlags}" -- "$cur"))
		return
	fi
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "\${COMP_WORDS[i]}" in
		${names.replaceAll(' ', '|')}) sub="\${COMP_WORDS[i]}"; break ;;
		esac
	done
	case "$sub" in
		"") COMPREPLY=($(compgen -W "${names}" -- "$cur")) ;;
${argumentCases.join('\n')}
		*) COMPREPLY=() ;;
	esac
}
complete -F _irtop irtop
`;
}

/** zsh's _arguments specs may not hold these unescaped. */
const zshText = (text: string) =>
	text.replace(/[[\]:'\\]/g, (c) => (c === "'" ? "'\\''" : `\\${c}`));

function zshAction(completion: ValueCompletion | undefined, placeholder: string): string {
	const message = zshText(placeholder.toLowerCase());
	switch (completion?.kind) {
		case 'file':
			return `:${message}:_files`;
		case 'values':
			return `:${message}:(${completion.values.join(' ')})`;
		case 'dynamic':
			return `:${message}:_irtop_values ${completion.what}`;
		default:
			return `:${message}: `;
	}
}

function zshScript(): string {
	const specs = flags.map((f) => {
		const names = spellings(f);
		const exclusive = names.length > 1 ? `(${names.join(' ')})` : '';
		const spelled = names.length > 1 ? `{${names.join(',')}}` : names[0];
		const optional = f.type === 'boolean' && f.completion ? ':' : '';
		const action = takesValue(f) ? `${optional}${zshAction(f.completion, f.value ?? f.name)}` : '';
		return `\t\t'${exclusive}'${spelled}'[${zshText(f.description)}]${action}'`;
	});
	const commands = subcommandSpecs.map((c) => `\t\t'${zshText(c.name)}:${zshText(c.description)}'`);
	const argumentCases = subcommandSpecs
		.filter((c) => c.argument)
		.map((c) => `\t\t${c.name}) _arguments '1${zshAction(c.argument, 'argument')}' ;;`);
	return `#compdef irtop
# irtop completion for zsh. Install: irtop completion zsh > "\${fpath[1]}/_irtop"
# (or add 'source <(irtop completion zsh)' to ~/.zshrc after compinit).
_irtop_values() {
	local -a values
	values=(\${(f)"$(irtop __complete $1 2>/dev/null)"})
	compadd -a values
}
_irtop() {
	local -a commands
	commands=(
${commands.join('\n')}
	)
	local curcontext="$curcontext" state line
	_arguments -s -S \\
${specs.join(' \\\n')} \\
		'1: :->command' \\
		'*:: :->argument'
	case $state in
	command) _describe command commands ;;
	argument)
		case $words[1] in
${argumentCases.join('\n')}
		esac ;;
	esac
}
if [ "$funcstack[1]" = "_irtop" ]; then
	_irtop "$@"
else
	compdef _irtop irtop
fi
`;
}

const fishText = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function fishValues(completion: ValueCompletion | undefined): string {
	switch (completion?.kind) {
		case 'file':
			return '-r -F';
		case 'values':
			return `-x -a ${fishText(completion.values.join(' '))}`;
		case 'dynamic':
			return `-x -a ${fishText(`(irtop __complete ${completion.what} 2>/dev/null)`)}`;
		default:
			return '-x';
	}
}

function fishScript(): string {
	const names = subcommandSpecs.map((c) => c.name).join(' ');
	const lines = [
		'# irtop completion for fish. Install: irtop completion fish > ~/.config/fish/completions/irtop.fish',
		'complete -c irtop -f',
		...subcommandSpecs.map(
			(c) =>
				`complete -c irtop -n ${fishText(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${fishText(c.description)}`,
		),
		...flags.map((f) => {
			const short = f.short ? ` -s ${f.short}` : '';
			const long = ` -l ${longFlag(f).slice(2)}`;
			// --resume's id is optional: offered after it, but the flag stands alone too.
			const values = f.type === 'string' ? ` ${fishValues(f.completion)}` : '';
			return `complete -c irtop${short}${long}${values} -d ${fishText(f.description)}`;
		}),
		...flags
			.filter((f) => f.type === 'boolean' && f.completion)
			.map(
				(f) =>
					`complete -c irtop -n ${fishText(`__fish_seen_argument -l ${longFlag(f).slice(2)}`)} ${fishValues(f.completion)}`,
			),
		...subcommandSpecs
			.filter((c) => c.argument)
			.map(
				(c) =>
					`complete -c irtop -n ${fishText(`__fish_seen_subcommand_from ${c.name}`)} ${fishValues(c.argument)}`,
			),
	];
	return `${lines.join('\n')}\n`;
}

/** What `irtop __complete WHAT` prints, one value a line; nothing when it cannot tell. */
export function completeValues(what: string, env: NodeJS.ProcessEnv): string[] {
	const values =
		what === 'contexts' ? kubeContexts(env) : what === 'incidents' ? incidents(env) : [];
	// Names from files go to a shell: nothing but printable, whitespace-free words.
	return values.filter((v) => /^[^\s\p{C}]+$/u.test(v));
}

function incidents(env: NodeJS.ProcessEnv): string[] {
	const dir = incidentsDir(env);
	// Newest first: the one you want is usually the last incident.
	return dir ? listIncidents(dir).reverse() : [];
}

/** Context names from the kubeconfig files kubectl would read (no Kubernetes client loaded). */
function kubeContexts(env: NodeJS.ProcessEnv): string[] {
	const files = env.KUBECONFIG
		? env.KUBECONFIG.split(path.delimiter).filter((f) => f !== '')
		: [path.join(env.HOME ?? homedir(), '.kube', 'config')];
	const names = new Set<string>();
	for (const file of files) {
		if (!existsSync(file)) continue;
		try {
			const config = parse(readFileSync(file, 'utf8')) as {contexts?: {name?: unknown}[]} | null;
			for (const c of config?.contexts ?? []) if (typeof c?.name === 'string') names.add(c.name);
		} catch {
			// A broken kubeconfig completes nothing; irtop itself reports it when it runs.
		}
	}
	return [...names];
}
