import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildConfiguredAction} from '../../source/actions/configured/build.ts';
import {ActionRuns} from '../../source/actions/configured/runs.ts';
import {shellLine, substitute} from '../../source/actions/configured/substitute.ts';
import {runAction} from '../../source/actions/run-action.ts';
import {ConfigError} from '../../source/config/errors.ts';
import {parseConfig} from '../../source/config/parse.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {availableCommands, installConfiguredCommands} from '../../source/ui/commands.ts';
import {actionKeyProblems, configuredCommandRows} from '../../source/ui/configured-commands.ts';
import {resolveKey} from '../../source/ui/resolve-key.ts';

const parse = (text: string) => parseConfig(text, null, {}, {refine: actionKeyProblems});
const target = {context: 'lab', namespace: 'ns', object: 'deployment/api'};

describe('configured action substitution', () => {
	it('fills placeholders inside one element, never splitting, joining or rescanning', () => {
		const result = substitute(
			['kubectl', 'annotate', 'deployment', '{name}', 'team/paged={input.who}'],
			{
				name: 'api',
				'input.who': '; touch /tmp/x $(id) `id` {name}',
			},
		);
		expect(result).toEqual({
			ok: true,
			argv: [
				'kubectl',
				'annotate',
				'deployment',
				'api',
				'team/paged=; touch /tmp/x $(id) `id` {name}',
			],
		});
	});

	it('refuses a value with a control character, and a placeholder with no value', () => {
		expect(substitute(['echo', '{name}'], {name: 'a\nb'})).toMatchObject({
			ok: false,
			error: expect.stringMatching(/control character/),
		});
		expect(substitute(['echo', '{container}'], {})).toMatchObject({
			ok: false,
			error: '{container} has no value for this row',
		});
	});

	it('shell-quotes the command line the confirmation shows', () => {
		expect(shellLine(['kubectl', 'annotate', "it's", 'a b', 'team/paged=@x'])).toBe(
			`kubectl annotate 'it'\\''s' 'a b' team/paged=@x`,
		);
	});

	it('injection: nothing but the argv runs, with or without shell: true (sentinel file)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'irtop-inject-'));
		const sentinel = join(dir, 'pwned');
		const evil = `; touch ${sentinel} $(touch ${sentinel}) \`touch ${sentinel}\``;
		const config = parse(`actions:
  - {id: plain, key: F, title: Plain, scope: deployment, command: ["printf", "%s", "team/paged={input.who}"], inputs: [{name: who}]}
  - {id: shelled, key: J, title: Shelled, scope: deployment, shell: true, command: ['printf %s "$1"', "{name}"]}
`);
		const runs = new ActionRuns();
		const timeline = new Timeline({now: () => 0});
		const [plain, shelled] = config.actions;
		const a = buildConfiguredAction(plain!, {name: 'api', 'input.who': evil}, target, runs);
		const b = buildConfiguredAction(shelled!, {name: evil}, target, runs);
		if (!a.ok || !b.ok) throw new Error('not built');
		expect(b.action.command).toBe(`/bin/sh -c 'printf %s "$1"' irtop '${evil}'`);
		const outA = await runAction(a.action, timeline, new AbortController().signal);
		const outB = await runAction(b.action, timeline, new AbortController().signal);
		expect([outA.ok, outB.ok]).toEqual([true, true]);
		expect(runs.getSnapshot().runs.map((r) => r.output.text())).toEqual([
			`team/paged=${evil}`,
			evil,
		]);
		expect(existsSync(sentinel)).toBe(false);
		// The timeline holds the exact argv and the outcome.
		const action = timeline.getSnapshot().events.find((e) => e.kind === 'action');
		expect(action?.data).toMatchObject({
			action: 'action:plain',
			argv: ['printf', '%s', `team/paged=${evil}`],
			exitCode: 0,
			mutating: true,
		});
	});
});

describe('configured action keys', () => {
	it('a key a built-in one has is a config error naming both', () => {
		const text =
			'actions:\n  - {id: bounce, key: r, title: Bounce, scope: deployment, command: ["true"]}\n';
		expect(() => parseConfig(text, '/x/config.yaml', {}, {refine: actionKeyProblems})).toThrow(
			ConfigError,
		);
		try {
			parseConfig(text, '/x/config.yaml', {}, {refine: actionKeyProblems});
		} catch (error) {
			expect((error as Error).message).toMatch(
				/config\.yaml:2:\d+: actions\[0\]\.key: "r" is already the built-in restart .* in Deployments; choose another key for bounce/,
			);
		}
		// Two configured actions where both would be live collide too.
		expect(() =>
			parse(`actions:
  - {id: a, key: F, title: A, command: ["true"]}
  - {id: b, key: F, title: B, scope: pod, command: ["true"]}
`),
		).toThrow(/"F" is already the configured action a/);
	});

	it('unknown placeholders and inputs are config errors', () => {
		expect(() =>
			parse('actions:\n  - {id: a, key: F, title: A, scope: node, command: ["x", "{pid}"]}\n'),
		).toThrow(/\{pid\} is not known in scope node/);
		expect(() =>
			parse('actions:\n  - {id: a, key: F, title: A, command: ["x", "{input.who}"]}\n'),
		).toThrow(/no input named who/);
		expect(() =>
			parse(
				'actions:\n  - {id: a, key: F, title: A, shell: true, command: ["echo {name}"], scope: pod}\n',
			),
		).toThrow(/the shell script cannot hold \{name\}/);
	});

	it('keys are rows of the one table; --read-only removes the mutating ones', () => {
		const config = parse(`actions:
  - {id: page, key: F, title: Page, scope: deployment, command: ["true"]}
  - {id: look, key: ctrl+g, title: Look, mutating: false, command: ["true"]}
`);
		installConfiguredCommands(configuredCommandRows(config.actions));
		try {
			expect(resolveKey('F', {kind: 'none'}, 'deployments', false)).toBe('action:page');
			expect(resolveKey('F', {kind: 'none'}, 'deployments', true)).toBeNull();
			expect(resolveKey('ctrl+g', {kind: 'none'}, 'pods', true)).toBe('action:look');
			expect(availableCommands(true).some((c) => c.id === 'action:page')).toBe(false);
		} finally {
			installConfiguredCommands([]);
		}
	});
});
