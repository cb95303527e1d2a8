// Issue 14's "AUTH and TLS supported": two responders share through a redis-server of the
// test's own that speaks only TLS (its certificate signed by a CA made here, as a team's
// private CA is) and requires a password. Without the CA, or with a wrong password, the
// header says why Redis is away instead of sharing anything.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {eventually, until} from '../../support/eventually.ts';
import {
	describeWithRedisServer,
	redisServerBinary,
	restartablePort,
} from '../../support/private-redis.ts';
import {type Responder, responder, shown} from './support.ts';

const password = 'tls-drill-pw';

/** A CA and a server certificate for 127.0.0.1 signed by it (EC keys: fast to make). */
function certificates(dir: string) {
	const file = (name: string) => join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, {stdio: 'ignore'});
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl(
		'req',
		'-x509',
		...ec,
		'-subj',
		'/CN=irtop test CA',
		'-days',
		'1',
		'-keyout',
		file('ca.key'),
		'-out',
		file('ca.pem'),
	);
	openssl(
		'req',
		...ec,
		'-subj',
		'/CN=127.0.0.1',
		'-keyout',
		file('server.key'),
		'-out',
		file('server.csr'),
	);
	writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
	openssl(
		'x509',
		'-req',
		'-in',
		file('server.csr'),
		'-CA',
		file('ca.pem'),
		'-CAkey',
		file('ca.key'),
		'-CAcreateserial',
		'-days',
		'1',
		'-extfile',
		file('san.ext'),
		'-out',
		file('server.pem'),
	);
	return {ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key')};
}

describeWithRedisServer('sharing through Redis over TLS with a password', () => {
	let dir: string;
	let port: number;
	let ca: string;
	let server: ChildProcess;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'irtop-share-tls-'));
		const files = certificates(dir);
		ca = files.ca;
		port = await restartablePort();
		server = spawn(
			redisServerBinary,
			[
				'--port',
				'0',
				'--tls-port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--tls-cert-file',
				files.cert,
				'--tls-key-file',
				files.key,
				'--tls-ca-cert-file',
				files.ca,
				'--tls-auth-clients',
				'no',
				'--requirepass',
				password,
				'--save',
				'',
				'--appendonly',
				'no',
			],
			{stdio: 'ignore'},
		);
	}, 20_000);
	afterAll(() => {
		server?.kill('SIGKILL');
		rmSync(dir, {recursive: true, force: true});
	});

	const url = (pw: string) => `rediss://:${pw}@127.0.0.1:${port}`;
	const closeAll = (rs: Responder[]) => Promise.all(rs.map((r) => r.close()));

	it('with the CA and the password: a note from A reaches B', async () => {
		const a = responder('alice', {url: url(password), ca, maxLength: 100});
		const b = responder('bob', {url: url(password), ca, maxLength: 100});
		try {
			const incident = a.timeline.open({title: 'tls drill', severity: 'P2'});
			b.timeline.load(incident, []);
			a.timeline.append({kind: 'note', text: 'over TLS'});
			await until(
				async () => shown(b).map((e) => e.text),
				(texts) => texts.includes('over TLS'),
				10_000,
			);
			expect(a.share.status().state).toBe('online');
			expect(b.journaled().map((e) => e.text)).toContain('over TLS');
		} finally {
			await closeAll([a, b]);
		}
	}, 30_000);

	it('without the CA: offline, with the certificate error as the reason', async () => {
		const a = responder('carol', {url: url(password), maxLength: 100});
		try {
			a.timeline.open({title: 'untrusted', severity: 'P3'});
			const status = await eventually(
				async () => a.share.status(),
				(s) => s.reason !== undefined,
				10_000,
			);
			expect(status.state).not.toBe('online');
			expect(status.reason).toMatch(/certificate|self.signed|issuer/i);
			expect(status.toSend).toBeGreaterThanOrEqual(1);
		} finally {
			await closeAll([a]);
		}
	}, 30_000);

	it('a wrong password: not online, WRONGPASS as the reason, the password nowhere in it', async () => {
		const a = responder('dave', {url: url('not-the-password'), ca, maxLength: 100});
		try {
			a.timeline.open({title: 'wrong password', severity: 'P3'});
			const status = await eventually(
				async () => a.share.status(),
				(s) => s.reason !== undefined,
				10_000,
			);
			expect(status.state).not.toBe('online');
			expect(status.reason).toMatch(/WRONGPASS|invalid username-password/i);
			expect(status.reason).not.toContain('not-the-password');
		} finally {
			await closeAll([a]);
		}
	}, 30_000);
});
