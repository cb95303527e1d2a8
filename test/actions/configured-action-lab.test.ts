// A configured action run from the TUI against the lab's apiserver: kubectl
// annotate with an input; the apiserver holds the annotation and the
// timeline the exact argv. An input holding shell syntax is one literal value.
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {ActionRuns} from '../../source/actions/configured/runs.ts';
import {parseConfig} from '../../source/config/parse.ts';
import {installConfiguredCommands} from '../../source/ui/commands.ts';
import {actionKeyProblems, configuredCommandRows} from '../../source/ui/configured-commands.ts';
import {
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	until,
} from '../sources/kubernetes/helpers.ts';
import {fixtureData} from '../support/fixtures.ts';
import {describeLab} from '../support/lab.ts';
import {renderApp} from '../support/render-app.tsx';

describeLab('configured action on a deployment (lab apiserver)', ['kubernetes'], (lab) => {
	let namespace = '';
	beforeAll(async () => {
		namespace = await ownNamespace(lab, 'irtop-action');
		await kubectl(lab, [
			'create',
			'deployment',
			'api',
			'--image=registry.k8s.io/pause:3.10',
			'-n',
			namespace,
		]);
	});
	afterAll(async () => {
		installConfiguredCommands([]);
		await kubectl(lab, ['delete', 'namespace', namespace, '--wait=false']);
	});

	it('annotates the selected deployment with the typed input, and records the argv', async () => {
		const config = parseConfig(
			`actions:
  - id: page-team
    key: F
    title: Page the owning team
    scope: deployment
    command: [kubectl, --kubeconfig, "${kubeconfigOf(lab)}", annotate, deployment, "{name}", -n, "{namespace}", "team/paged={input.who}", --overwrite]
    inputs: [{name: who}]
`,
			null,
			{},
			{refine: actionKeyProblems},
		);
		installConfiguredCommands(configuredCommandRows(config.actions));
		const dir = mkdtempSync(join(tmpdir(), 'irtop-action-'));
		const sentinel = join(dir, 'x');
		const who = `@web; touch ${sentinel} $(touch ${sentinel})`;
		const data = fixtureData(Date.now());
		const app = await renderApp({
			columns: 120,
			rows: 40,
			data: {
				...data,
				kubernetes: {
					...data.kubernetes,
					deployments: [{...data.kubernetes.deployments[0]!, namespace, name: 'api'}],
				},
			},
			services: {configuredActions: config.actions, actionRuns: new ActionRuns()},
		});
		await app.type('4');
		await app.type('F');
		expect(app.frame()).toContain('Page the owning team · who:');
		await app.type(who);
		await app.type('\r');
		expect(app.frame()).toContain("'team/paged=@web; touch");
		await app.press('confirm');
		const annotations = await until(
			async () =>
				(
					await kubectlJson<{metadata: {annotations?: Record<string, string>}}>(lab, [
						'get',
						'deployment',
						'api',
						'-n',
						namespace,
					])
				).metadata.annotations ?? {},
			(a) => a['team/paged'] !== undefined,
		);
		expect(annotations['team/paged']).toBe(who);
		const event = await until(
			async () => app.timeline.getSnapshot().events.find((e) => e.kind === 'action'),
			(e) => e !== undefined,
		);
		expect(event?.data).toMatchObject({
			action: 'action:page-team',
			ok: true,
			argv: [
				'kubectl',
				'--kubeconfig',
				kubeconfigOf(lab),
				'annotate',
				'deployment',
				'api',
				'-n',
				namespace,
				`team/paged=${who}`,
				'--overwrite',
			],
		});
		expect(existsSync(sentinel)).toBe(false);
		app.unmount();
	});
});
