// The Top and Certificates views from plain rows: order, hints, and remote
// strings that must not reach the terminal as control sequences.
import {describe, expect, it} from 'vitest';
import type {CertificateRow, KubernetesData, PodRow} from '../../source/model/index.ts';
import {alertsPanel} from '../../source/ui/panels/alerts.ts';
import {certificateProblem, certsPanel} from '../../source/ui/panels/certs.ts';
import type {PanelDefinition} from '../../source/ui/panels/panel.ts';
import {limitHint, topPanel} from '../../source/ui/panels/top.ts';
import {panelView, podRow} from '../support/panel-view.ts';

const now = Date.parse('2026-11-28T03:00:00Z');
const day = 86_400_000;

const pod = (name: string, fields: Partial<PodRow> = {}) =>
	podRow(name, {createdAt: now - day, ...fields});

function cert(name: string, fields: Partial<CertificateRow> = {}): CertificateRow {
	return {
		namespace: 'shop',
		name,
		ready: true,
		reason: 'Ready',
		message: 'Certificate is up to date and has not expired',
		notAfter: now + 60 * day,
		renewalAt: now + 30 * day,
		secretName: name,
		issuer: 'ClusterIssuer/letsencrypt',
		dnsNames: [`${name}.example`],
		...fields,
	};
}

function view(
	panel: PanelDefinition,
	data: Partial<KubernetesData>,
	options: {width?: number; topSort?: 'cpu' | 'memory'} = {},
) {
	const kubernetes = {
		context: 'c',
		namespace: null,
		nodes: [],
		pods: [],
		events: [],
		deployments: [],
		...data,
	};
	return panelView(panel, {kubernetes}, {now, ...options});
}

describe('Top pods', () => {
	const pods = [
		pod('idle', {cpuMillicores: 5, memoryBytes: 900 * 2 ** 20, memoryLimitPercent: 95}),
		pod('busy', {cpuMillicores: 950, memoryBytes: 64 * 2 ** 20, cpuLimitPercent: 95}),
		pod('middle', {cpuMillicores: 300, memoryBytes: 200 * 2 ** 20}),
		pod('pending', {status: 'Pending'}),
	];

	it('sorts by CPU or by memory, and leaves out pods without metrics', () => {
		expect(view(topPanel, {pods}).lines.map((l) => l.key)).toEqual([
			'shop/busy',
			'shop/middle',
			'shop/idle',
		]);
		expect(view(topPanel, {pods}, {topSort: 'memory'}).lines.map((l) => l.key)).toEqual([
			'shop/idle',
			'shop/middle',
			'shop/busy',
		]);
	});

	it('says what a limit means: throttling for CPU, OOM for memory', () => {
		const lines = view(topPanel, {pods}).lines;
		expect(lines[0]?.text).toMatch(/950m .*throttling/);
		expect(lines[0]?.tone).toBe('warn');
		expect(lines[2]?.text).toMatch(/900Mi .*OOM risk/);
		expect(lines[2]?.tone).toBe('error');
		expect(limitHint(pod('x', {cpuLimitPercent: 85, memoryLimitPercent: 82}))).toBe(
			'near memory limit, near CPU limit',
		);
		expect(limitHint(pod('x', {cpuLimitPercent: null, memoryLimitPercent: null}))).toBe('');
		expect(view(topPanel, {pods}).summary).toContain('2 near a limit / 3 pods');
	});

	it('says why there are no numbers when metrics.k8s.io is missing', () => {
		const v = view(topPanel, {
			pods: [pod('a')],
			metricsUnavailable: 'metrics.k8s.io is not installed: no CPU or memory use',
		});
		expect(v.lines).toEqual([]);
		expect(v.empty).toContain('metrics.k8s.io is not installed');
	});

	it('offers the pod keys on its rows', () => {
		expect(view(topPanel, {pods}).lines[0]?.selection).toEqual({
			kind: 'pod',
			ref: {namespace: 'shop', name: 'busy'},
		});
	});
});

describe('Certificates', () => {
	const certs = [
		cert('fine'),
		cert('soon', {notAfter: now + 3 * day}),
		cert('failing', {ready: false, reason: 'Failed', message: 'order errored: 429 rateLimited'}),
		cert('gone', {notAfter: now - day}),
		cert('new', {ready: null, notAfter: null, message: ''}),
	];

	it('flags not ready, expired, and expiring within 14 days, those first', () => {
		expect(certs.map((c) => certificateProblem(c, now))).toEqual([
			null,
			'expiring',
			'not ready',
			'expired',
			null,
		]);
		const v = view(certsPanel, {certificates: certs});
		expect(v.lines.map((l) => l.key)).toEqual([
			'shop/gone',
			'shop/failing',
			'shop/soon',
			'shop/fine',
			'shop/new',
		]);
		expect(v.lines.map((l) => l.tone)).toEqual(['error', 'error', 'warn', undefined, undefined]);
		expect(v.summary).toBe('3 need attention / 5 certificates');
		expect(v.lines[1]?.text).toContain('429 rateLimited');
		expect(v.lines[2]?.text).toMatch(/in 3d/);
		expect(v.lines[0]?.text).toMatch(/expired 1d/);
		expect(v.lines[4]?.text).toContain('not issued');
	});

	it('shows cert-manager absent, present and empty, and a read error apart', () => {
		expect(view(certsPanel, {}).empty).toMatch(/cert-manager is not installed/);
		expect(view(certsPanel, {certificates: []}).empty).toBe('no certificates');
		const denied = view(certsPanel, {
			certificates: [],
			certificatesError: '403: certificates.cert-manager.io is forbidden',
		});
		expect(denied.empty).toContain('forbidden');
		expect(denied.summaryTone).toBe('error');
	});

	it('renders names and messages inert, and fits 80 columns', () => {
		const hostile = cert('evil\u001b]0;pwned\u0007', {
			ready: false,
			message: `\u001b[2J${'x'.repeat(1_000_000)}`,
		});
		const v = view(certsPanel, {certificates: [hostile]}, {width: 80});
		// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
		expect(v.lines[0]?.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(v.lines[0]?.text.length).toBe(80);
		expect(v.lines[0]?.selection).toEqual({
			kind: 'certificate',
			ref: {namespace: 'shop', name: 'evil\u001b]0;pwned\u0007'},
		});
	});

	it('puts certificates that need attention among the alerts', () => {
		const v = view(alertsPanel, {certificates: certs});
		const lines = v.lines.filter((l) => l.key.startsWith('cert:'));
		expect(lines.map((l) => l.key)).toEqual([
			'cert:shop/gone',
			'cert:shop/failing',
			'cert:shop/soon',
		]);
		expect(lines[2]?.text).toMatch(/expiring · expires in 3d/);
		expect(v.summary).toContain('3 certs');
	});
});
