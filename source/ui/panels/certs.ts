import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {CertificateRow} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelContext, PanelDefinition} from './panel.ts';
import {dataOf} from './panel.ts';

/** The runbook's threshold: a certificate expiring sooner than this needs a look. */
export const expiringWithinMs = 14 * 24 * 3600_000;

/** Not Ready, expired, or expiring within 14 days. */
export function certificateProblem(cert: CertificateRow, now: number): string | null {
	if (cert.notAfter !== null && cert.notAfter <= now) return 'expired';
	if (cert.ready === false) return 'not ready';
	if (cert.notAfter !== null && cert.notAfter - now < expiringWithinMs) return 'expiring';
	return null;
}

function tone(cert: CertificateRow, now: number): Tone | undefined {
	const problem = certificateProblem(cert, now);
	if (problem === 'expired' || problem === 'not ready') return 'error';
	return problem === 'expiring' ? 'warn' : undefined;
}

/**
 * cert-manager's messages wrap errors Go-style ("… will be retried: Failed to
 * wait for order …: Failed to finalize Order: 429 …rateLimited"): the cause
 * is at the end, so a narrow column shows the last link of the chain.
 */
export function rootCause(message: string): string {
	const links = message.split(': ');
	return links.length <= 2 ? message : `…${links.at(-1)}`;
}

const expires = (cert: CertificateRow, now: number) => {
	if (cert.notAfter === null) return 'not issued';
	const left = cert.notAfter - now;
	return left <= 0 ? `expired ${formatAge(-left)} ago` : `in ${formatAge(left)}`;
};

/** Certificates that need a look first: not ready or expired, then soonest to expire. */
export function certificateOrder(now: number) {
	const rank = (c: CertificateRow) => {
		const t = tone(c, now);
		return t === 'error' ? 0 : t === 'warn' ? 1 : 2;
	};
	return (a: CertificateRow, b: CertificateRow) =>
		rank(a) - rank(b) ||
		(a.notAfter ?? Number.POSITIVE_INFINITY) - (b.notAfter ?? Number.POSITIVE_INFINITY) ||
		a.name.localeCompare(b.name);
}

function emptyText(context: PanelContext): string {
	const data = dataOf(context, 'kubernetes');
	if (!data) return 'no cluster';
	if (data.certificatesError) return `certificates: ${sanitizeLine(data.certificatesError)}`;
	return data.certificates
		? 'no certificates'
		: 'cert-manager is not installed (no Certificate CRD)';
}

/** `kubectl get certificates -A`, with the expiry and cert-manager's own reason in view. */
export const certsPanel: PanelDefinition = {
	id: 'certs',
	title: 'Certificates',
	sources: ['kubernetes'],
	view(context, width) {
		const {now} = context;
		const certs = (dataOf(context, 'kubernetes')?.certificates ?? []).toSorted(
			certificateOrder(now),
		);
		const columns = fitColumns<CertificateRow>(
			[
				{header: 'NAME', width: 24, value: (c) => sanitizeLine(c.name)},
				{header: 'NAMESPACE', width: 16, optional: true, value: (c) => sanitizeLine(c.namespace)},
				{
					header: 'READY',
					width: 5,
					value: (c) => (c.ready === null ? '-' : c.ready ? 'True' : 'False'),
				},
				{header: 'EXPIRES', width: 14, value: (c) => expires(c, now)},
				{header: 'ISSUER', width: 30, optional: true, value: (c) => sanitizeLine(c.issuer)},
				// cert-manager's own words ("… 429 rateLimited") say why a renewal fails.
				{header: 'STATUS', width: 16, flex: true, value: (c) => sanitizeLine(rootCause(c.message))},
			],
			width,
		);
		const problems = certs.filter((c) => certificateProblem(c, now) !== null);
		const error = dataOf(context, 'kubernetes')?.certificatesError;
		return {
			summary: `${error ? 'error · ' : ''}${problems.length} need attention / ${certs.length} certificates`,
			summaryTone:
				error || problems.some((c) => tone(c, now) === 'error')
					? 'error'
					: problems.length > 0
						? 'warn'
						: 'ok',
			header: formatHeader(columns),
			lines: certs.map((cert) => ({
				key: `${cert.namespace}/${cert.name}`,
				text: formatRow(columns, cert),
				tone: tone(cert, now),
				match: `${cert.namespace} ${cert.name} ${cert.dnsNames.join(' ')} ${cert.reason} ${cert.message}`,
				selection: {kind: 'certificate', ref: {namespace: cert.namespace, name: cert.name}},
			})),
			empty: emptyText(context),
		};
	},
};
