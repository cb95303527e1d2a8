import type {CertificateRow} from '../model/index.ts';

const day = 86_400;

/** cert-manager's Certificates in the demo: one renewal failing days before expiry, the rest fine. */
export function demoCertificates(toMs: (t: number) => number): CertificateRow[] {
	const issued = (namespace: string, name: string, host: string, daysLeft: number) => ({
		namespace,
		name,
		ready: true,
		reason: 'Ready',
		message: 'Certificate is up to date and has not expired',
		notAfter: toMs(daysLeft * day),
		renewalAt: toMs((daysLeft - 30) * day),
		secretName: name,
		issuer: 'ClusterIssuer/letsencrypt-prod',
		dnsNames: [host],
	});
	return [
		issued('business-onboarding', 'onboarding-api-tls', 'api.yourdomain.tld', 54),
		{
			...issued('platform-ingress', 'wildcard-yourdomain-tld', '*.yourdomain.tld', 6),
			ready: false,
			reason: 'Failed',
			message:
				'The certificate request has failed to complete and will be retried: order is in "errored" state: 429 urn:ietf:params:acme:error:rateLimited',
		},
		issued('platform-observability', 'grafana-tls', 'grafana.yourdomain.tld', 89),
	];
}
