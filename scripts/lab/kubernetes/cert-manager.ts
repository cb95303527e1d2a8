// A minimal cert-manager: its Certificate CRD (the printer columns cert-manager
// ships, an open schema) and Certificates with status written as cert-manager
// would, for the cert-expiry scenario. No issuer runs; the status is the symptom.
import {apply, type KubeObject} from './apply.ts';
import type {KubeClient} from './client.ts';
import {waitFor} from './wait.ts';

export const certificateCrdName = 'certificates.cert-manager.io';

export const certificateCrd: KubeObject = {
	apiVersion: 'apiextensions.k8s.io/v1',
	kind: 'CustomResourceDefinition',
	metadata: {
		name: certificateCrdName,
		labels: {app: 'cert-manager', 'app.kubernetes.io/name': 'cert-manager'},
	},
	spec: {
		group: 'cert-manager.io',
		names: {
			kind: 'Certificate',
			listKind: 'CertificateList',
			plural: 'certificates',
			singular: 'certificate',
			shortNames: ['cert', 'certs'],
			categories: ['cert-manager'],
		},
		scope: 'Namespaced',
		versions: [
			{
				name: 'v1',
				served: true,
				storage: true,
				subresources: {status: {}},
				additionalPrinterColumns: [
					{
						jsonPath: '.status.conditions[?(@.type == "Ready")].status',
						name: 'Ready',
						type: 'string',
					},
					{jsonPath: '.spec.secretName', name: 'Secret', type: 'string'},
					{jsonPath: '.spec.issuerRef.name', name: 'Issuer', priority: 1, type: 'string'},
					{
						jsonPath: '.status.conditions[?(@.type == "Ready")].message',
						name: 'Status',
						priority: 1,
						type: 'string',
					},
					{jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date'},
				],
				schema: {openAPIV3Schema: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true}},
			},
		],
	},
};

interface CertSpec {
	namespace: string;
	name: string;
	dnsNames: string[];
	/** Days until notAfter; negative: already expired. */
	expiresInDays: number;
	ready: boolean;
	message: string;
	reason: string;
}

const day = 24 * 3600_000;
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export const certificates: readonly CertSpec[] = [
	// The symptom: renewal is failing and the certificate expires in three days.
	{
		namespace: 'business-onboarding',
		name: 'onboarding-api-tls',
		dnsNames: ['api.yourdomain.tld'],
		expiresInDays: 3,
		ready: true,
		reason: 'Ready',
		message: 'Certificate is up to date and has not expired',
	},
	{
		namespace: 'platform-ingress',
		name: 'wildcard-yourdomain-tld',
		dnsNames: ['*.yourdomain.tld'],
		expiresInDays: 1,
		ready: false,
		reason: 'Failed',
		message:
			'The certificate request has failed to complete and will be retried: Failed to wait for order resource "wildcard-yourdomain-tld-1-2938475" to become ready: order is in "errored" state: Failed to finalize Order: 429 urn:ietf:params:acme:error:rateLimited',
	},
	{
		namespace: 'platform-observability',
		name: 'grafana-tls',
		dnsNames: ['grafana.yourdomain.tld'],
		expiresInDays: 62,
		ready: true,
		reason: 'Ready',
		message: 'Certificate is up to date and has not expired',
	},
];

export async function installCertificates(client: KubeClient): Promise<void> {
	await apply(client, certificateCrd);
	await waitFor(
		async () => {
			const crd = await client.get<{status?: {conditions?: {type: string; status: string}[]}}>(
				`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${certificateCrdName}`,
			);
			return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')
				? true
				: undefined;
		},
		{what: 'the Certificate CRD to be established', timeoutMs: 30_000},
	);
	const now = Date.now();
	for (const cert of certificates) {
		const notAfter = now + cert.expiresInDays * day;
		const notBefore = notAfter - 90 * day;
		const object = {
			apiVersion: 'cert-manager.io/v1',
			kind: 'Certificate',
			metadata: {name: cert.name, namespace: cert.namespace},
			spec: {
				secretName: cert.name,
				dnsNames: cert.dnsNames,
				issuerRef: {name: 'letsencrypt-prod', kind: 'ClusterIssuer', group: 'cert-manager.io'},
				privateKey: {rotationPolicy: 'Always'},
			},
		};
		// A freshly created CRD may take a moment before its REST path answers.
		await waitFor(async () => apply(client, object), {
			what: `Certificate ${cert.namespace}/${cert.name}`,
			timeoutMs: 30_000,
		});
		await apply(
			client,
			{
				...object,
				status: {
					conditions: [
						{
							type: 'Ready',
							status: cert.ready ? 'True' : 'False',
							reason: cert.reason,
							message: cert.message,
							lastTransitionTime: rfc3339(notBefore),
							observedGeneration: 1,
						},
						...(cert.expiresInDays < 30
							? [
									{
										type: 'Issuing',
										status: 'True',
										reason: 'Renewing',
										message: `Renewing certificate as renewal was scheduled at ${rfc3339(notAfter - 30 * day)}`,
										lastTransitionTime: rfc3339(notAfter - 30 * day),
										observedGeneration: 1,
									},
								]
							: []),
					],
					notBefore: rfc3339(notBefore),
					notAfter: rfc3339(notAfter),
					renewalTime: rfc3339(notAfter - 30 * day),
					revision: 3,
				},
			},
			'status',
		);
	}
}
