// cert-manager Certificates against the lab's real apiserver: absent until
// the CRD is served, then the same rows kubectl shows, forced renewal read
// back, the read-only user's 403 as a state. The CRD is cluster-wide, so
// this holds the lab lock that scenario runs hold too.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {type OpenedKubernetes, openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {certsPanel} from '../../../source/ui/panels/certs.ts';
import {describeLab, labCli} from '../../support/lab.ts';
import {takeLabLock} from '../../support/lab-lock.ts';
import {panelView} from '../../support/panel-view.ts';
import {kubeconfigOf, kubectl, kubectlJson, until} from './helpers.ts';

interface CertificateList {
	items: {
		metadata: {namespace: string; name: string};
		status?: {notAfter?: string; conditions?: {type: string; status: string}[]};
	}[];
}

const crd = 'certificates.cert-manager.io';
const settings = {
	circuitBreakerEnv: {},
	rateLimit: {namespace: 'platform-ingress', configMap: 'x', deployment: 'x', key: 'k'},
};

describeLab('kubernetes certificates (cert-manager)', ['kubernetes'], (lab) => {
	let release = () => {};
	const opened: OpenedKubernetes[] = [];
	const open = (context?: string) => {
		const k = openKubernetes(
			{kubeconfig: kubeconfigOf(lab), allNamespaces: true, ...(context ? {context} : {})},
			settings,
			{certificateDiscoveryMs: 300, minBackoffMs: 200, maxBackoffMs: 1000},
		);
		k.source.watch(() => {}, new AbortController().signal);
		opened.push(k);
		return k;
	};

	beforeAll(async () => {
		release = await takeLabLock('cluster-wide');
		await kubectl(lab, ['delete', 'crd', crd, '--ignore-not-found', '--wait=true']);
	}, 660_000);
	afterAll(async () => {
		for (const k of opened) await k.source.close();
		await kubectl(lab, ['delete', 'crd', crd, '--ignore-not-found', '--wait=true']).catch(() => {});
		release();
	}, 60_000);

	it('is absent without the CRD, then lists what kubectl lists once cert-manager is installed', async () => {
		const k = open();
		await k.source.poll(AbortSignal.timeout(30_000));
		// Discovery has answered at least twice by now.
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(k.source.read().certificates).toBeUndefined();

		await labCli('scenario', 'cert-expiry');
		const rows = await until(
			async () => k.source.read().certificates ?? [],
			(r) => r.length >= 3,
		);
		const witness = await kubectlJson<CertificateList>(lab, ['get', 'certificates', '-A']);
		expect(rows.map((r) => `${r.namespace}/${r.name}`).toSorted()).toEqual(
			witness.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`).toSorted(),
		);
		for (const item of witness.items) {
			const row = rows.find((r) => r.name === item.metadata.name);
			const ready = item.status?.conditions?.find((c) => c.type === 'Ready')?.status;
			expect(row?.ready).toBe(ready === 'True');
			expect(row?.notAfter).toBe(Date.parse(item.status?.notAfter ?? ''));
		}

		const view = panelView(certsPanel, {kubernetes: k.source.read()});
		// Failing renewal first, then the one expiring in three days; grafana's 62 days is fine.
		expect(view.lines.map((l) => l.key)).toEqual([
			'platform-ingress/wildcard-yourdomain-tld',
			'business-onboarding/onboarding-api-tls',
			'platform-observability/grafana-tls',
		]);
		expect(view.summary).toBe('2 need attention / 3 certificates');
		expect(view.lines[0]?.text).toContain('rateLimited');
	}, 120_000);

	it('forces a renewal by deleting the Certificate, as the runbook does, and reads it back', async () => {
		const k = open();
		const ref = {namespace: 'business-onboarding', name: 'onboarding-api-tls'};
		const action = k.mitigations.renewCertificate?.(ref);
		expect(action?.command).toBe(
			'kubectl delete certificate onboarding-api-tls -n business-onboarding',
		);
		expect(await action?.checkPermission?.(AbortSignal.timeout(10_000))).toEqual({allowed: true});
		const outcome = await action?.run(AbortSignal.timeout(10_000));
		expect(outcome?.ok).toBe(true);
		await expect(
			kubectl(lab, ['get', 'certificate', ref.name, '-n', ref.namespace]),
		).rejects.toThrow(/NotFound/);
		await until(
			async () => k.source.read().certificates ?? [],
			(rows) => rows.length > 0 && !rows.some((r) => r.name === ref.name),
		);
		// Again: the API server's own error, not a crash.
		const again = await k.mitigations.renewCertificate?.(ref).run(AbortSignal.timeout(10_000));
		expect(again?.ok).toBe(false);
		expect(again?.message).toMatch(/not found/);
	}, 60_000);

	it('the read-only user: renewal refused with the reason, the list a 403 state, nothing crashes', async () => {
		const k = open('lab-readonly');
		await k.source.poll(AbortSignal.timeout(30_000));
		const permission = await k.mitigations
			.renewCertificate?.({namespace: 'platform-ingress', name: 'wildcard-yourdomain-tld'})
			.checkPermission?.(AbortSignal.timeout(10_000));
		expect(permission?.allowed).toBe(false);
		const data = await until(
			async () => k.source.read(),
			(d) => d.certificatesError !== undefined || (d.certificates?.length ?? 0) > 0,
		);
		// `view` may or may not read cert-manager's kinds (aggregation labels): either is a state.
		if (data.certificatesError) expect(data.certificatesError).toMatch(/forbidden|403/);
		else expect(data.certificates?.length).toBeGreaterThan(0);
		expect(data.pods.length).toBeGreaterThan(0);
	}, 60_000);

	it('goes back to "not installed" when the CRD is removed', async () => {
		const k = open();
		await until(
			async () => k.source.read().certificates,
			(c) => c !== undefined,
		);
		await kubectl(lab, ['delete', 'crd', crd, '--wait=true']);
		await until(
			async () => k.source.read().certificates,
			(c) => c === undefined,
		);
		expect(k.source.read().certificatesError).toBeUndefined();
	}, 60_000);
});
