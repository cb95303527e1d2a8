// `{container}`: the selected pod's only container, or its default-container
// annotation's; several and no default is refused, naming them.
import {describe, expect, it} from 'vitest';
import {buildConfiguredAction} from '../../source/actions/configured/build.ts';
import {ActionRuns} from '../../source/actions/configured/runs.ts';
import {parseConfig} from '../../source/config/parse.ts';
import {podRow} from '../../source/sources/kubernetes/rows.ts';
import {containerOf, valuesFor} from '../../source/ui/action-values.ts';

const action = parseConfig(
	'actions:\n  - {id: exec-env, key: F, title: Env of the container, scope: pod, mutating: false, command: [kubectl, exec, "{pod}", -n, "{namespace}", -c, "{container}", --, env]}\n',
	null,
).actions[0]!;
const pod = {kind: 'pod' as const, ref: {namespace: 'business-onboarding', name: 'api-7d9f-x2'}};
const around = {context: 'lab', namespace: null, incident: null};

describe('{container}', () => {
	it('is the only container of the selected pod', () => {
		const row = valuesFor(action, pod, {...around, pod: {containers: ['api']}});
		if ('error' in row) throw new Error(row.error);
		const built = buildConfiguredAction(action, row.values, row.target, new ActionRuns());
		if (!built.ok) throw new Error(built.error);
		expect(built.action.command).toBe(
			'kubectl exec api-7d9f-x2 -n business-onboarding -c api -- env',
		);
	});

	it('is the default-container of a pod with several, as kubectl picks it', () => {
		expect(containerOf('p', {containers: ['istio-proxy', 'api'], defaultContainer: 'api'})).toEqual(
			{value: 'api'},
		);
	});

	it('is refused when the pod has several and no default, naming them', () => {
		expect(valuesFor(action, pod, {...around, pod: {containers: ['api', 'istio-proxy']}})).toEqual({
			error:
				'Env of the container: {container}: pod api-7d9f-x2 has 2 containers (api, istio-proxy) and no kubectl.kubernetes.io/default-container annotation: irtop will not guess which one',
		});
		// An annotation naming no container of the pod is no choice either.
		expect(containerOf('p', {containers: ['a', 'b'], defaultContainer: 'c'})).toMatchObject({
			error: expect.stringMatching(/2 containers \(a, b\)/),
		});
		expect(valuesFor(action, pod, around)).toEqual({
			error:
				'Env of the container: {container}: the containers of pod api-7d9f-x2 are not known yet',
		});
	});

	it('an action without {container} runs on a pod with several', () => {
		const plain = {...action, command: ['kubectl', 'get', 'pod', '{pod}']};
		expect(valuesFor(plain, pod, {...around, pod: {containers: ['a', 'b']}})).not.toHaveProperty(
			'error',
		);
	});

	it('the Kubernetes rows carry the containers and the annotation', () => {
		const row = podRow(
			{
				metadata: {
					name: 'p',
					namespace: 'n',
					annotations: {'kubectl.kubernetes.io/default-container': 'api'},
				},
				spec: {containers: [{name: 'istio-proxy'}, {name: 'api'}]},
			},
			new Map(),
		);
		expect(row).toMatchObject({containers: ['istio-proxy', 'api'], defaultContainer: 'api'});
	});
});
