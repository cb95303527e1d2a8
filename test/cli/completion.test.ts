// Shell completion: made from the same tables as --help, so a flag cannot be in
// one and not the other; and it really completes, in real bash and fish.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {helpText, parseArgs} from '../../source/cli/args.ts';
import {completionScript, shells} from '../../source/cli/completion.ts';

const bin = resolve(import.meta.dirname, '../../bin/irtop.js');
const home = mkdtempSync(join(tmpdir(), 'irtop-completion-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

// A kubeconfig with two contexts and a journal with two incidents, for the values irtop is asked for.
const kubeconfig = join(home, 'kubeconfig');
writeFileSync(
	kubeconfig,
	`apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]
users: [{name: u, user: {token: t}}]
contexts:
  - {name: prod-eu, context: {cluster: c, user: u}}
  - {name: staging, context: {cluster: c, user: u}}
current-context: prod-eu
`,
);
const incidents = join(home, 'state', 'irtop', 'incidents');
mkdirSync(incidents, {recursive: true});
for (const id of ['20261128-0315-api-500s', '20261201-0200-disk-full'])
	writeFileSync(join(incidents, `${id}.jsonl`), '');
const env = {
	PATH: process.env.PATH ?? '',
	HOME: home,
	KUBECONFIG: kubeconfig,
	XDG_STATE_HOME: join(home, 'state'),
};

/** Every flag spelling the help shows: -n, --namespace, --no-color … */
function helpFlags(): string[] {
	return [...new Set(helpText.match(/(?<=\s|^)--?[a-zA-Z][\w-]*/g) ?? [])].sort();
}

describe('completion scripts and --help', () => {
	it('name every flag and subcommand the help names, in every shell', () => {
		const subcommands = [...helpText.matchAll(/^ {4}irtop ([a-z]+)/gm)].map((m) => m[1] ?? '');
		expect(subcommands).toEqual(expect.arrayContaining(['snapshot', 'check', 'export', 'import']));
		for (const shell of shells) {
			const script = completionScript(shell);
			for (const name of subcommands) expect(script, `${shell}: ${name}`).toContain(name);
			for (const flag of helpFlags()) {
				// fish spells flags without dashes: -s n, -l namespace.
				const spelled = shell === 'fish' ? flag.replace(/^--?/, '') : flag;
				expect(script, `${shell}: ${flag}`).toContain(spelled);
			}
		}
	});

	it('offer only flags the parser accepts', () => {
		const offered =
			completionScript('bash')
				.match(/compgen -W "(-[^"]+)"/)?.[1]
				?.split(' ') ?? [];
		expect(offered.sort()).toEqual(helpFlags());
		for (const flag of offered) {
			const parsed = parseArgs([flag], '1.0.0');
			const unknown = parsed.kind === 'exit' && (parsed.stderr ?? '').includes('unknown flag');
			expect(unknown, flag).toBe(false);
		}
	});

	it('irtop completion needs a shell it knows', () => {
		const parsed = parseArgs(['completion', 'tcsh'], '1.0.0');
		expect(parsed).toMatchObject({kind: 'exit', code: 2});
	});
});

/** What bash's programmable completion offers for the words typed (the last one is being completed). */
function bashComplete(words: string[]): string[] {
	const script = execFileSync(process.execPath, [bin, 'completion', 'bash'], {
		env,
		encoding: 'utf8',
	});
	const program = `${script}
irtop() { "${process.execPath}" "${bin}" "$@"; }
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=${words.length - 1}
_irtop
printf '%s\\n' "\${COMPREPLY[@]}"`;
	const out = execFileSync('bash', ['--norc', '-c', program], {env, encoding: 'utf8', cwd: home});
	return out.split('\n').filter((l) => l !== '');
}

describe('bash completes', () => {
	it('subcommands, flags and their values', () => {
		expect(bashComplete(['irtop', 'sn'])).toEqual(['snapshot']);
		expect(bashComplete(['irtop', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
		expect(bashComplete(['irtop', '--sev'])).toEqual(['--severity']);
		expect(bashComplete(['irtop', '--severity', ''])).toEqual(['P0', 'P1', 'P2', 'P3']);
		expect(bashComplete(['irtop', '--format', ''])).toEqual(['md', 'json']);
	});

	it('--context from the kubeconfig, --resume and export from the journal', () => {
		expect(bashComplete(['irtop', '--context', ''])).toEqual(['prod-eu', 'staging']);
		expect(bashComplete(['irtop', '--context', 'st'])).toEqual(['staging']);
		expect(bashComplete(['irtop', '--resume', ''])).toEqual([
			'20261201-0200-disk-full',
			'20261128-0315-api-500s',
		]);
		// The id after --resume is optional: a dash starts the next flag.
		expect(bashComplete(['irtop', '--resume', '--de'])).toEqual(['--demo']);
		expect(bashComplete(['irtop', 'export', '2026112'])).toEqual(['20261128-0315-api-500s']);
	});
});

const has = (command: string) => spawnSync(command, ['--version']).status === 0;
// CI installs fish and zsh (.ci/run); elsewhere a machine without them skips these.
const ci = process.env.CI === 'true';

describe.runIf(ci || has('fish'))('fish completes', () => {
	const complete = (line: string) => {
		const script = execFileSync(process.execPath, [bin, 'completion', 'fish'], {
			env,
			encoding: 'utf8',
		});
		const path = join(home, 'irtop.fish');
		writeFileSync(path, script);
		const program = `function irtop; "${process.execPath}" "${bin}" $argv; end; source ${path}; complete -C '${line}'`;
		const out = execFileSync('fish', ['--no-config', '-c', program], {env, encoding: 'utf8'});
		return out
			.split('\n')
			.filter((l) => l !== '')
			.map((l) => l.split('\t')[0]);
	};

	it('subcommands, --severity values and contexts', () => {
		expect(complete('irtop sn')).toEqual(['snapshot']);
		expect(complete('irtop --severity ')).toEqual(['P0', 'P1', 'P2', 'P3']);
		expect(complete('irtop --context ')).toEqual(['prod-eu', 'staging']);
		expect(complete('irtop export ')).toEqual(
			expect.arrayContaining(['20261128-0315-api-500s', '20261201-0200-disk-full']),
		);
	});
});

describe.runIf(ci || has('zsh'))('zsh', () => {
	it('reads the script without a syntax error', () => {
		const path = join(home, '_irtop');
		writeFileSync(path, completionScript('zsh'));
		const result = spawnSync('zsh', ['-n', path], {encoding: 'utf8'});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});
});
