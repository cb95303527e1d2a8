// The lab's PostgreSQL roles. Passwords are fixed: the lab binds to loopback
// only and its data is thrown away by lab:down.

export const database = 'onboarding';

export const roles = {
	/** initdb's bootstrap superuser. */
	superuser: {user: 'postgres', password: 'lab-postgres'},
	/** The application's role (the runbook's `psql -U onboarding_user`). */
	app: {user: 'onboarding_user', password: 'lab-onboarding'},
	/** Read-only monitoring: pg_monitor but NOT pg_signal_backend, for permission tests. */
	monitor: {user: 'irtop_monitor', password: 'lab-monitor'},
} as const;

export type RoleName = keyof typeof roles;

export const maxConnections = 50;

export function postgresUrl(role: RoleName, port: number, db: string = database): string {
	const {user, password} = roles[role];
	return `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
}
