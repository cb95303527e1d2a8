// cert-manager Certificates (the runbook's `kubectl get certificates -A`).
// cert-manager is an add-on: its CRD may be absent, installed or removed
// while irtop runs, so the API group is looked up now and then and the
// informer exists only while the group is served.
import {ApisApi, type KubeConfig, type KubernetesObject} from '@kubernetes/client-node';
import type {CertificateRow} from '../../model/index.ts';
import {Memo} from './memo.ts';
import {epoch} from './time.ts';
import {Watched, type WatchedOptions} from './watched.ts';

export const certificateGroup = 'cert-manager.io';
const version = 'v1';
const plural = 'certificates';

/** The fields of a Certificate irtop reads; every one may be missing. */
export interface Certificate {
	readonly metadata?: {readonly name?: string; readonly namespace?: string};
	readonly spec?: {
		readonly secretName?: string;
		readonly dnsNames?: readonly string[];
		readonly commonName?: string;
		readonly issuerRef?: {readonly name?: string; readonly kind?: string};
	};
	readonly status?: {
		readonly conditions?: readonly {
			readonly type?: string;
			readonly status?: string;
			readonly reason?: string;
			readonly message?: string;
		}[];
		readonly notAfter?: string;
		readonly renewalTime?: string;
	};
}

export function certificateRow(cert: Certificate): CertificateRow {
	const ready = cert.status?.conditions?.find((c) => c.type === 'Ready');
	const issuer = cert.spec?.issuerRef;
	return {
		namespace: cert.metadata?.namespace ?? '',
		name: cert.metadata?.name ?? '',
		ready: ready?.status === 'True' ? true : ready?.status === 'False' ? false : null,
		reason: ready?.reason ?? '',
		// A runaway message is cut here, long before the panel sanitises what it shows.
		message: (ready?.message ?? '').slice(0, 2048),
		notAfter: epoch(cert.status?.notAfter),
		renewalAt: epoch(cert.status?.renewalTime),
		secretName: cert.spec?.secretName ?? '',
		issuer: issuer?.name ? `${issuer.kind ?? 'Issuer'}/${issuer.name}` : '',
		dnsNames: cert.spec?.dnsNames ?? (cert.spec?.commonName ? [cert.spec.commonName] : []),
	};
}

export interface CertificateWatchOptions extends WatchedOptions {
	/** How often the API group is looked up (one discovery GET, not a list). */
	readonly discoveryIntervalMs?: number;
}

/**
 * Certificates while cert-manager's CRD exists: an informer like the other
 * resources', started when discovery first shows the group and closed when
 * it goes away. `rows` is null when cert-manager is not installed.
 */
export class CertificateWatch {
	readonly #kc: KubeConfig;
	readonly #namespace: string | null;
	readonly #changed: () => void;
	readonly #options: CertificateWatchOptions;
	#watched: Watched<Certificate & KubernetesObject> | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;
	readonly #memo = new Memo();

	constructor(
		kc: KubeConfig,
		namespace: string | null,
		changed: () => void,
		options: CertificateWatchOptions = {},
	) {
		this.#kc = kc;
		this.#namespace = namespace;
		this.#changed = changed;
		this.#options = options;
	}

	start(): void {
		void this.#discover();
	}

	/** The rows, or null when cert-manager is not installed (or not listed yet). */
	rows(): readonly CertificateRow[] | null {
		const watched = this.#watched;
		if (!watched?.everSynced) return null;
		return this.#memo.get('rows', [watched, watched.version], () =>
			watched.list().map(certificateRow),
		);
	}

	/** Why the Certificates cannot be read now (a 403, a dropped watch). */
	error(): string | null {
		const watched = this.#watched;
		return watched && watched.state === 'reconnecting' ? watched.lastError : null;
	}

	async #discover(): Promise<void> {
		if (this.#closed) return;
		try {
			const groups = await this.#kc.makeApiClient(ApisApi).getAPIVersions();
			const served = groups.groups.some(
				(g) => g.name === certificateGroup && g.versions.some((v) => v.version === version),
			);
			if (served && !this.#watched && !this.#closed) this.#open();
			else if (!served && this.#watched) {
				const watched = this.#watched;
				this.#watched = null;
				await watched.close();
				this.#changed();
			}
		} catch {
			// Discovery failing means the API server is unreachable: the other
			// informers report that; the next lookup tries again.
		}
		if (this.#closed) return;
		this.#timer = setTimeout(
			() => void this.#discover(),
			this.#options.discoveryIntervalMs ?? 60_000,
		);
		this.#timer.unref();
	}

	#open(): void {
		const ns = this.#namespace;
		const path =
			ns === null
				? `/apis/${certificateGroup}/${version}/${plural}`
				: `/apis/${certificateGroup}/${version}/namespaces/${encodeURIComponent(ns)}/${plural}`;
		this.#watched = new Watched(plural, this.#kc, path, this.#changed, this.#options);
		this.#watched.start();
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		await this.#watched?.close();
	}
}
