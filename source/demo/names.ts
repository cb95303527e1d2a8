import {hash, unit} from './noise.ts';

// Kubernetes' rand.SafeEncodeString alphabet: no vowels (no accidental
// words) and no 0/1/3 (no look-alikes). Generated names look like the real ones.
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

export function kubeSuffix(seed: string, length: number): string {
	const base = hash(seed);
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(unit(base, i) * alphabet.length)];
	return out;
}

/** The pod-template-hash of a deployment's revision: what its ReplicaSet and pods are named after. */
export function templateHash(deployment: string, revision: number): string {
	return kubeSuffix(`${deployment}#${revision}`, 10);
}

/** A stable object uid (8-4-4-4-12 hex), as kubelet messages quote them. */
export function uid(seed: string): string {
	const base = hash(seed);
	const hex = Array.from({length: 32}, (_, i) => Math.floor(unit(base, i) * 16).toString(16)).join(
		'',
	);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** 16 hex digits, the shape of an Alertmanager fingerprint. */
export function fingerprint(seed: string): string {
	return (
		hash(seed).toString(16).padStart(8, '0') + hash(`${seed}~`).toString(16).padStart(8, '0')
	).slice(0, 16);
}
