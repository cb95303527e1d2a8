// Bearer tokens for the apiserver's --token-auth-file. Random per lab, kept in
// the data directory so a restarted apiserver accepts the same kubeconfig.
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';

export interface LabUser {
	readonly name: string;
	readonly uid: string;
	readonly groups: readonly string[];
}

// The identities of the lab. The read-only user has no groups: RBAC bindings
// made by the seed give it `view` and nothing mutating.
export const labUsers = {
	admin: {name: 'lab-admin', uid: 'lab-admin', groups: ['system:masters']},
	readonly: {name: 'lab-readonly', uid: 'lab-readonly', groups: []},
	// The user kubeadm's bootstrap RBAC already grants what the controller manager needs.
	controllerManager: {
		name: 'system:kube-controller-manager',
		uid: 'kube-controller-manager',
		groups: [],
	},
	// The fake kubelet and the metrics stand-in: they bind pods and write node
	// and pod status, which only a node or an admin may do.
	simulator: {name: 'lab-simulator', uid: 'lab-simulator', groups: ['system:masters']},
} as const satisfies Record<string, LabUser>;

export type LabUserKey = keyof typeof labUsers;
export type LabTokens = Record<LabUserKey, string>;

function line(token: string, user: LabUser): string {
	return `${token},${user.name},${user.uid},"${user.groups.join(',')}"`;
}

/** Reads the token file, or writes a fresh one; returns each user's token. */
export async function ensureTokens(file: string): Promise<LabTokens> {
	const keys = Object.keys(labUsers) as LabUserKey[];
	if (existsSync(file)) {
		const byName = new Map(
			(await readFile(file, 'utf8'))
				.trim()
				.split('\n')
				.map((l) => {
					const [token, name] = l.split(',');
					return [name, token] as const;
				}),
		);
		if (keys.every((k) => byName.has(labUsers[k].name))) {
			return Object.fromEntries(keys.map((k) => [k, byName.get(labUsers[k].name)])) as LabTokens;
		}
	}
	const tokens = Object.fromEntries(
		keys.map((k) => [k, randomBytes(24).toString('hex')]),
	) as LabTokens;
	await writeFile(file, `${keys.map((k) => line(tokens[k], labUsers[k])).join('\n')}\n`, {
		mode: 0o600,
	});
	return tokens;
}
