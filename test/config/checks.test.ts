import {describe, expect, it} from 'vitest';
import {parse, parseError, yaml} from './helpers.ts';

describe('checks: in the config', () => {
	it('takes command, url and tcp checks with their defaults, and resolves cwd beside the file', () => {
		const config = parse(
			yaml(
				'checks:',
				'  - {name: smoke, command: ["./scripts/smoke-tests.sh"], cwd: /root/onboarding_kyc}',
				'  - {name: local, command: ["make", "smoke"], cwd: ~/src}',
				'  - {name: api, url: "https://api.example.com/health", method: HEAD, expectStatus: 204}',
				'  - {name: db-port, tcp: "db.internal:5432", timeoutMs: 500}',
			),
		);
		expect(
			config.checks.map((c) => [c.name, c.cwd, c.timeoutMs, c.intervalSeconds, c.shell]),
		).toEqual([
			['smoke', '/root/onboarding_kyc', 10_000, 10, false],
			['local', '/home/oncall/src', 10_000, 10, false],
			['api', undefined, 10_000, 10, false],
			['db-port', undefined, 500, 10, false],
		]);
	});

	it('needs exactly one of command, url or tcp, named at its line', () => {
		const none = parseError(yaml('checks:', '  - name: smoke', '    cwd: /tmp'));
		expect(none.message).toMatch(
			/config\.yaml:2:\d+: checks\[0\]\.name: needs one of command, url or tcp/,
		);
		const two = parseError(
			yaml('checks:', '  - name: smoke', '    command: ["true"]', '    url: http://x/health'),
		);
		expect(two.message).toMatch(
			/config\.yaml:4:\d+: checks\[0\]\.url: has command and url: choose one/,
		);
	});

	it('refuses keys of another kind, a bad regex and duplicate names', () => {
		const shell = parseError(yaml('checks:', '  - {name: a, url: "http://x/", shell: true}'));
		expect(shell.message).toMatch(/checks\[0\]\.shell: only applies to a command check/);
		const regex = parseError(yaml('checks:', '  - {name: a, command: ["true"], expect: "("}'));
		expect(regex.message).toMatch(/checks\[0\]\.expect: not a valid regular expression/);
		const dup = parseError(
			yaml('checks:', '  - {name: a, tcp: "x:1"}', '  - {name: a, tcp: "x:2"}'),
		);
		expect(dup.message).toMatch(/config\.yaml:3:\d+: checks\[1\]\.name: duplicate name/);
	});
});
