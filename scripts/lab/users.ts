// Looks up a system user, for servers that refuse to run as root (PostgreSQL).
import {readFileSync} from 'node:fs';

export interface SystemUser {
	readonly uid: number;
	readonly gid: number;
	readonly home: string;
}

export function systemUser(name: string): SystemUser {
	for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
		const [user, , uid, gid, , home] = line.split(':');
		if (user === name) return {uid: Number(uid), gid: Number(gid), home: home ?? '/'};
	}
	throw new Error(
		`no system user "${name}" (it comes with the Debian package; run npm run lab:provision)`,
	);
}
