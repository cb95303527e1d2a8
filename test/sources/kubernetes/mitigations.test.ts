// Every mitigation runs against the lab's real API server in a namespace of
// the test's own, and is read back from the server with kubectl.
import type {V1Deployment, V1PodTemplateSpec, V1ReplicaSet} from '@kubernetes/client-node';
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {Mitigations} from '../../../source/actions/mitigations.ts';
import {connect, kubernetesMitigations} from '../../../source/sources/kubernetes/index.ts';
import {describeLab} from '../../support/lab.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubeconfigOf,
	kubectl,
	kubectlJson,
	ownNamespace,
	rolledOut,
	until,
} from './helpers.ts';

const signal = () => AbortSignal.timeout(30_000);

function withoutHash(template: V1PodTemplateSpec | undefined) {
	const copy = structuredClone(template ?? {}) as V1PodTemplateSpec;
	delete copy.metadata?.labels?.['pod-template-hash'];
	return copy;
}

describeLab('kubernetes mitigations, read back from the API server', ['kubernetes'], (lab) => {
	let ns: string;
	let m: Mitigations;
	const api = () => ({namespace: ns, name: 'onboarding-api'});
	const deployment = () =>
		kubectlJson<V1Deployment>(lab, ['get', 'deployment/onboarding-api', '-n', ns]);

	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-mit');
		await kubectl(
			lab,
			['apply', '-f', '-'],
			deploymentYaml(ns, 'onboarding-api', {image: 'registry.example/api:2.4.0'}),
		);
		await rolledOut(lab, ns, 'onboarding-api');
		await kubectl(lab, [
			'set',
			'image',
			'deployment/onboarding-api',
			'-n',
			ns,
			'app=registry.example/api:2.4.1',
		]);
		await rolledOut(lab, ns, 'onboarding-api');
		// The rate limit's configmap and controller, named as the runbook's, in our namespace.
		await kubectl(lab, [
			'create',
			'configmap',
			'ingress-nginx-controller',
			'-n',
			ns,
			'--from-literal=limit-rps=100',
		]);
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'ingress-nginx-controller'));
		m = kubernetesMitigations(connect({kubeconfig: kubeconfigOf(lab), namespace: ns}), {
			circuitBreakerEnv: {CIRCUIT_BREAKER_ENABLED: 'true', CIRCUIT_BREAKER_THRESHOLD: '5'},
			rateLimit: {
				namespace: ns,
				configMap: 'ingress-nginx-controller',
				deployment: 'ingress-nginx-controller',
				key: 'limit-rps',
			},
		});
	}, 150_000);
	afterAll(() => dropNamespace(lab, ns));

	it('rollout restart sets restartedAt on the pod template', async () => {
		const action = m.restartDeployment?.(api());
		expect(action?.command).toBe(`kubectl rollout restart deployment/onboarding-api -n ${ns}`);
		expect(await action?.checkPermission?.(signal())).toEqual({allowed: true});
		const before = Date.now();
		expect(await action?.run(signal())).toMatchObject({ok: true});
		const at = (await deployment()).spec?.template?.metadata?.annotations?.[
			'kubectl.kubernetes.io/restartedAt'
		];
		expect(Date.parse(at ?? '')).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		await rolledOut(lab, ns, 'onboarding-api');
	}, 90_000);

	it('rollout undo applies the previous revision among its own ReplicaSets', async () => {
		const uid = (await deployment()).metadata?.uid;
		const sets = (await kubectlJson<{items: V1ReplicaSet[]}>(lab, ['get', 'rs', '-n', ns])).items
			.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid))
			.sort(
				(a, b) =>
					Number(b.metadata?.annotations?.['deployment.kubernetes.io/revision']) -
					Number(a.metadata?.annotations?.['deployment.kubernetes.io/revision']),
			);
		const previous = sets[1];
		const action = await m.undoDeployment?.(api());
		expect(action?.command).toBe(`kubectl rollout undo deployment/onboarding-api -n ${ns}`);
		expect(action?.title).toBe(
			`Rollout undo to revision ${previous?.metadata?.annotations?.['deployment.kubernetes.io/revision']}`,
		);
		expect(await action?.run(signal())).toMatchObject({ok: true});
		expect((await deployment()).spec?.template).toEqual(withoutHash(previous?.spec?.template));
		await rolledOut(lab, ns, 'onboarding-api');
	}, 90_000);

	it('undo shows which images change', async () => {
		await kubectl(lab, [
			'set',
			'image',
			'deployment/onboarding-api',
			'-n',
			ns,
			'app=registry.example/api:2.5.0',
		]);
		const action = await m.undoDeployment?.(api());
		expect(action?.details?.join('\n')).toMatch(
			/app: registry\.example\/api:2\.5\.0 → registry\.example\/api:2\.4\./,
		);
	});

	it('scale patches the scale subresource', async () => {
		const action = m.scaleDeployment?.(api(), 3);
		expect(action?.command).toBe(`kubectl scale deployment/onboarding-api -n ${ns} --replicas=3`);
		expect(await action?.run(signal())).toMatchObject({ok: true});
		expect((await deployment()).spec?.replicas).toBe(3);
	});

	it('circuit breaker sets the env vars as kubectl set env does', async () => {
		const action = m.circuitBreaker?.(api());
		expect(action?.command).toBe(
			`kubectl set env deployment/onboarding-api -n ${ns} CIRCUIT_BREAKER_ENABLED=true CIRCUIT_BREAKER_THRESHOLD=5`,
		);
		expect(await action?.run(signal())).toMatchObject({ok: true});
		expect((await deployment()).spec?.template?.spec?.containers?.[0]?.env).toEqual([
			{name: 'CIRCUIT_BREAKER_ENABLED', value: 'true'},
			{name: 'CIRCUIT_BREAKER_THRESHOLD', value: '5'},
		]);
	});

	it('memory limit as kubectl set resources', async () => {
		const action = m.setMemoryLimit?.(api(), '1Gi');
		expect(action?.command).toBe(
			`kubectl set resources deployment/onboarding-api -n ${ns} --limits=memory=1Gi`,
		);
		expect(await action?.run(signal())).toMatchObject({ok: true});
		const container = (await deployment()).spec?.template?.spec?.containers?.[0];
		expect(container?.resources?.limits?.memory).toBe('1Gi');
		expect(container?.resources?.requests?.cpu).toBe('10m');
	});

	it('rate limit changes the configmap and restarts the ingress controller', async () => {
		const action = m.rateLimit?.(200);
		expect(await action?.checkPermission?.(signal())).toEqual({allowed: true});
		expect(await action?.run(signal())).toMatchObject({ok: true});
		const cm = await kubectlJson<{data: Record<string, string>}>(lab, [
			'get',
			'configmap/ingress-nginx-controller',
			'-n',
			ns,
		]);
		expect(cm.data['limit-rps']).toBe('200');
		const ingress = await kubectlJson<V1Deployment>(lab, [
			'get',
			'deployment/ingress-nginx-controller',
			'-n',
			ns,
		]);
		expect(
			ingress.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
		).toBeTruthy();
	});

	it('delete pod: the pod is gone', async () => {
		const pods = await kubectlJson<{items: {metadata: {name: string}}[]}>(lab, [
			'get',
			'pods',
			'-n',
			ns,
			'-l',
			'app=ingress-nginx-controller',
		]);
		const name = pods.items[0]?.metadata.name ?? '';
		expect(name).not.toBe('');
		const action = m.deletePod?.({namespace: ns, name});
		expect(action?.command).toBe(`kubectl delete pod/${name} -n ${ns}`);
		expect(await action?.run(signal())).toMatchObject({ok: true});
		await until(
			() => kubectl(lab, ['get', 'pods', '-n', ns, '-o', 'name']),
			(out) => !out.includes(`pod/${name}\n`),
		);
	}, 40_000);

	it('an API error is the outcome, not a crash', async () => {
		const outcome = await m
			.scaleDeployment?.({namespace: ns, name: 'no-such-deployment'}, 2)
			.run(signal());
		expect(outcome?.ok).toBe(false);
		expect(outcome?.message).toMatch(/not found/);
	});
});

describeLab('kubernetes mitigations as the read-only user', ['kubernetes'], (lab) => {
	const readonly = () =>
		kubernetesMitigations(connect({kubeconfig: kubeconfigOf(lab), context: 'lab-readonly'}), {
			circuitBreakerEnv: {CIRCUIT_BREAKER_ENABLED: 'true'},
			rateLimit: {
				namespace: 'platform-ingress',
				configMap: 'ingress-nginx-controller',
				deployment: 'ingress-nginx-controller',
				key: 'limit-rps',
			},
		});
	const target = {namespace: 'business-onboarding', name: 'onboarding-api'};

	it('every mutating action is refused with a reason', async () => {
		const m = readonly();
		const actions = [
			m.restartDeployment?.(target),
			m.scaleDeployment?.(target, 5),
			await m.undoDeployment?.(target),
			m.circuitBreaker?.(target),
			m.setMemoryLimit?.(target, '1Gi'),
			m.rateLimit?.(200),
			m.deletePod?.({namespace: 'business-onboarding', name: 'whatever'}),
		];
		for (const action of actions) {
			const permission = await action?.checkPermission?.(signal());
			expect(permission?.allowed, action?.id).toBe(false);
			expect(permission && !permission.allowed && permission.reason).toMatch(
				/lab-readonly cannot (patch|delete|list) /,
			);
		}
	});

	it('a 403 from running anyway is an outcome, never a crash', async () => {
		const outcome = await readonly().restartDeployment?.(target).run(signal());
		expect(outcome?.ok).toBe(false);
		expect(outcome?.message).toMatch(/forbidden/);
	});
});
