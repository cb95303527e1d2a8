// Kubeconfig files: .lab/kubeconfig for people, tests and irtop (two users,
// admin current), and one per lab component.
import {readFileSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {stringify} from 'yaml';

export const clusterName = 'irtop-lab';
export const adminContext = 'lab-admin';
export const readonlyContext = 'lab-readonly';

interface KubeUser {
	readonly context: string;
	readonly user: string;
	readonly token: string;
	readonly namespace?: string;
}

export function kubeconfig(server: string, caFile: string, users: readonly KubeUser[]): string {
	// CA embedded, so the file keeps working when copied elsewhere.
	const ca = readFileSync(caFile).toString('base64');
	return stringify({
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name: clusterName, cluster: {server, 'certificate-authority-data': ca}}],
		users: users.map((u) => ({name: u.user, user: {token: u.token}})),
		contexts: users.map((u) => ({
			name: u.context,
			context: {
				cluster: clusterName,
				user: u.user,
				...(u.namespace ? {namespace: u.namespace} : {}),
			},
		})),
		'current-context': users[0]?.context ?? '',
		preferences: {},
	});
}

export async function writeKubeconfig(
	file: string,
	server: string,
	caFile: string,
	users: readonly KubeUser[],
): Promise<void> {
	await writeFile(file, kubeconfig(server, caFile, users), {mode: 0o600});
}
