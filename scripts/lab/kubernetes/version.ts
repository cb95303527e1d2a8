// Versions of the lab's control plane, and where their binaries are cached.
// kubernetesVersion must match the require line in go/go.mod; kubectl 1.32 on
// the machine is within the supported skew (one minor) of a 1.33 apiserver.
import {join} from 'node:path';

export const kubernetesVersion = 'v1.33.13';
export const kineVersion = 'v0.17.5';

/** `<cache>/kubernetes-<version>`: everything provision builds, kept across runs. */
export function kubernetesCacheDir(cache: string): string {
	return join(cache, `kubernetes-${kubernetesVersion}`);
}

export interface KubernetesBinaries {
	readonly apiserver: string;
	readonly controllerManager: string;
	readonly kine: string;
}

export function kubernetesBinaries(cache: string): KubernetesBinaries {
	const bin = join(kubernetesCacheDir(cache), 'bin');
	return {
		apiserver: join(bin, 'kube-apiserver'),
		controllerManager: join(bin, 'kube-controller-manager'),
		// kine is keyed by its own version inside the kubernetes directory, so
		// bumping one does not rebuild the other.
		kine: join(bin, `kine-${kineVersion}`),
	};
}
