import type {PostgresConfig} from './schema.ts';

const connectionKeys = ['host', 'port', 'user', 'password', 'database', 'sslmode'] as const;

/**
 * Sets a part of the URL, or, when the URL cannot hold it (Node's setters
 * silently ignore a host they cannot represent, and a port, user or password
 * on a URL without a host), the query parameter that libpq and `pg` both read
 * and let win over the URL's own parts.
 */
const setPart = (
	url: URL,
	parameter: string,
	value: string,
	apply: (url: URL) => void,
	applied: (url: URL) => boolean,
): void => {
	apply(url);
	if (!applied(url)) {
		url.searchParams.set(parameter, value);
	}
};

/**
 * One connection form for the PostgreSQL source: when a URL is configured,
 * the separate fields (from the file or PG* variables) override its parts and
 * are folded into it, so the consumer never merges two forms (`pg` would let
 * the URL win, the opposite of what the user asked for).
 */
export const foldPostgresUrl = (postgres: PostgresConfig): PostgresConfig => {
	if (postgres.url === undefined || connectionKeys.every((key) => postgres[key] === undefined)) {
		return postgres;
	}
	const url = new URL(postgres.url);
	const {host, port, user, password, database, sslmode} = postgres;
	if (host !== undefined) {
		const hostname = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
		setPart(
			url,
			'host',
			host,
			(target) => {
				// A socket directory is not a host name.
				if (!host.startsWith('/')) {
					target.hostname = hostname;
				}
			},
			(target) => target.hostname === hostname.toLowerCase(),
		);
	}
	if (port !== undefined) {
		setPart(
			url,
			'port',
			String(port),
			(target) => {
				target.port = String(port);
			},
			(target) => target.port === String(port),
		);
	}
	if (user !== undefined) {
		const encoded = encodeURIComponent(user);
		setPart(
			url,
			'user',
			user,
			(target) => {
				target.username = encoded;
			},
			(target) => target.username === encoded,
		);
	}
	if (password !== undefined) {
		const encoded = encodeURIComponent(password);
		setPart(
			url,
			'password',
			password,
			(target) => {
				target.password = encoded;
			},
			(target) => target.password === encoded,
		);
	}
	if (database !== undefined) {
		url.pathname = `/${encodeURIComponent(database)}`;
	}
	if (sslmode !== undefined) {
		url.searchParams.set('sslmode', sslmode);
	}
	const folded: PostgresConfig = {...postgres, url: url.href};
	for (const key of connectionKeys) {
		delete folded[key];
	}
	return folded;
};
