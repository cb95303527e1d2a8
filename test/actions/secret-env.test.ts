// Secrets in a configured action's or check's `env:` never reach the screen,
// the timeline, an export, `irtop runbook` or an error message.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildConfiguredAction} from '../../source/actions/configured/build.ts';
import {ActionRuns} from '../../source/actions/configured/runs.ts';
import {runAction} from '../../source/actions/run-action.ts';
import {main} from '../../source/cli/main.ts';
import {ConfigError} from '../../source/config/errors.ts';
import {parseConfig} from '../../source/config/parse.ts';
import {redactConfig, scrubSecrets, secretValues} from '../../source/config/redact.ts';
import {runCommandCheck} from '../../source/sources/health/configured/command-check.ts';
import {exportMarkdown} from '../../source/timeline/export-markdown.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {capture} from '../support/capture.ts';

const literal = 'lit3ral-T0KEN-value';
const referenced = 'fr0m-the-environment-9f2c';
const config = `actions:
  - id: deploy
    key: F
    title: Deploy
    shell: true
    command: ['echo "token=$DEPLOY_TOKEN gh=$GH region=$REGION"; echo "done $DEPLOY_TOKEN" >&2']
    env: {DEPLOY_TOKEN: ${literal}, GH: "\${IRTOP_TEST_GH}", REGION: eu-west-1}
checks:
  - name: smoke
    shell: true
    command: ['echo "auth=$API_PASSWORD"; exit 1']
    env: {API_PASSWORD: ${literal}}
runbook:
  - section: Mitigation
    steps:
      - {title: Deployed, actions: [deploy]}
`;
const target = {context: 'lab', namespace: 'ns', object: 'deploy'};

describe('secrets in env:', () => {
	it('an action: the confirmation names the variables, and its output, timeline and export hold no value', async () => {
		const parsed = parseConfig(config, null);
		const runs = new ActionRuns();
		const built = buildConfiguredAction(parsed.actions[0]!, {}, target, runs, {
			IRTOP_TEST_GH: referenced,
		});
		if (!built.ok) throw new Error(built.error);
		const {action} = built;
		const shown = `${action.command}\n${(action.details ?? []).join('\n')}`;
		expect(action.details).toEqual([
			'env: DEPLOY_TOKEN (secret), GH (from $IRTOP_TEST_GH), REGION (values not shown)',
		]);
		expect(shown).not.toContain(literal);
		expect(shown).not.toContain(referenced);

		const timeline = new Timeline({now: () => 1000});
		timeline.open({title: 'deploy went wrong', severity: 'P2'});
		const outcome = await runAction(action, timeline, new AbortController().signal);
		expect(outcome.ok).toBe(true);
		// The command did get the values; what irtop kept of its output did not.
		const output = runs.getSnapshot().runs[0]!.output.text();
		expect(output).toBe('token=*** gh=*** region=eu-west-1\ndone ***\n');
		const {incident, events} = timeline.getSnapshot();
		const recorded = JSON.stringify(events);
		expect(recorded).toContain('token=***');
		expect(recorded).not.toContain(literal);
		expect(recorded).not.toContain(referenced);
		const markdown = exportMarkdown(incident!, events, 2000);
		expect(markdown).toContain('done ***');
		expect(markdown).not.toContain(literal);
	});

	it('an unset $NAME reference is refused before any confirmation, naming the variable', () => {
		const parsed = parseConfig(config, null);
		const built = buildConfiguredAction(parsed.actions[0]!, {}, target, new ActionRuns(), {});
		expect(built).toEqual({
			ok: false,
			error: "Deploy: env GH: $IRTOP_TEST_GH is not set in irtop's environment",
		});
	});

	it('a check: its output and its failure line hold no value', async () => {
		const parsed = parseConfig(config, null);
		const check = parsed.checks[0]!;
		const outcome = await runCommandCheck(
			{...check, command: check.command!},
			new AbortController().signal,
		);
		expect(outcome).toMatchObject({ok: false, detail: 'exit 1 · auth=***', output: 'auth=***\n'});
	});

	it('the config: masked by redactConfig, listed by secretValues, never quoted in an error', () => {
		const parsed = parseConfig(config, null);
		const redacted = redactConfig(parsed);
		expect(redacted.actions[0]?.env).toEqual({
			DEPLOY_TOKEN: '***',
			GH: `$${'{'}IRTOP_TEST_GH}`,
			REGION: 'eu-west-1',
		});
		expect(redacted.checks[0]?.env).toEqual({API_PASSWORD: '***'});
		expect(secretValues(parsed)).toEqual([literal]);
		expect(scrubSecrets(`x ${literal} y`, secretValues(parsed))).toBe('x *** y');
		let message = '';
		try {
			parseConfig(
				'actions:\n  - {id: a, key: F, title: A, command: [x], env: {DB_PASSWORD: 987654321}}\n',
				null,
			);
		} catch (error) {
			if (!(error instanceof ConfigError)) throw error;
			message = error.message;
		}
		expect(message).toMatch(/actions\[0\]\.env\.DB_PASSWORD: .*got a number/);
		expect(message).not.toContain('987654321');
	});

	it('irtop runbook prints the steps and their actions, never an env value', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-secret-'));
		const file = join(home, 'config.yaml');
		writeFileSync(file, config);
		const stdout = capture();
		const stderr = capture();
		const code = await main({
			argv: ['runbook', '--config', file],
			env: {HOME: home, XDG_CONFIG_HOME: home},
			stdout: stdout.stream,
			stderr: stderr.stream,
			version: '0.0.0-test',
		});
		expect(code).toBe(0);
		expect(stdout.text()).toMatch(/\[ \] Deployed — done by hand \(x\) · actions: deploy/);
		expect(stdout.text() + stderr.text()).not.toContain(literal);
	});
});
