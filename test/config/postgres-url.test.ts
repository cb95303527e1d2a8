import {describe, expect, it} from 'vitest';
import {parse, parseError, yaml} from './helpers.ts';

describe('postgres url and separate fields', () => {
	it('keeps separate fields as they are when there is no url', () => {
		expect(
			parse(yaml('postgres: {host: db, port: 5433, user: u, database: app}')).postgres,
		).toMatchObject({
			host: 'db',
			port: 5433,
			user: 'u',
			database: 'app',
		});
	});

	it('folds separate fields into the url, which they override', () => {
		const {postgres} = parse(
			yaml(
				'postgres:',
				'  url: postgres://old:oldpw@old-host:5432/old?application_name=irtop',
				'  host: db',
				'  user: irtop',
				'  database: my app',
				'  sslmode: require',
			),
		);
		expect(postgres.url).toBe(
			'postgres://irtop:oldpw@db:5432/my%20app?application_name=irtop&sslmode=require',
		);
		expect(postgres.host).toBeUndefined();
	});

	it('puts a socket directory, and parts a host-less url cannot hold, in the query', () => {
		const {postgres} = parse(yaml('postgres: {url: "postgresql:///app"}'), {
			PGHOST: '/var/run/postgresql',
			PGPORT: '5433',
			PGUSER: 'irtop',
		});
		expect(postgres.url).toBe(
			'postgresql:///app?host=%2Fvar%2Frun%2Fpostgresql&port=5433&user=irtop',
		);
	});

	it('accepts postgresql:// and rejects other schemes', () => {
		expect(parse(yaml('postgres: {url: "postgresql://db/app"}')).postgres.url).toBe(
			'postgresql://db/app',
		);
		expect(parseError(yaml('postgres: {url: "http://db/app"}')).field).toBe('postgres.url');
	});
});
