import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/args.ts';

const run = (...argv: string[]) => {
	const parsed = parseArgs(argv, '1.2.3');
	if (parsed.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
	return parsed.options;
};
const exit = (...argv: string[]) => {
	const parsed = parseArgs(argv, '1.2.3');
	if (parsed.kind !== 'exit') throw new Error(`expected an exit, got ${JSON.stringify(parsed)}`);
	return parsed;
};

describe('parseArgs', () => {
	it('reads every documented flag', () => {
		const o = run(
			'--config',
			'c.yaml',
			'--context',
			'prod',
			'-n',
			'business-onboarding',
			'--read-only',
			'--refresh',
			'5',
			'--incident',
			'API 500 errors spike',
			'--severity',
			'p1',
			'--owner',
			'@me',
			'--no-color',
			'--demo',
		);
		expect(o).toMatchObject({
			command: 'dashboard',
			config: 'c.yaml',
			context: 'prod',
			namespace: 'business-onboarding',
			readOnly: true,
			refreshSeconds: 5,
			incident: 'API 500 errors spike',
			severity: 'P1',
			owner: '@me',
			color: false,
			demo: true,
		});
		expect(run('-A').allNamespaces).toBe(true);
	});

	it('knows the snapshot subcommand', () => {
		expect(run('snapshot', '--json', '--demo')).toMatchObject({
			command: 'snapshot',
			json: true,
			demo: true,
		});
	});

	it.each([
		[['--bogus'], 'irtop: unknown flag --bogus (see irtop --help)\n'],
		[
			['--refresh', 'soon'],
			'irtop: --refresh must be a number of seconds between 0.5 and 3600, not "soon" (see irtop --help)\n',
		],
		[
			['--severity', 'P7'],
			'irtop: --severity must be one of P0, P1, P2, P3, not "P7" (see irtop --help)\n',
		],
		[['-n', 'x', '-A'], 'irtop: use either -n NAMESPACE or -A, not both (see irtop --help)\n'],
		[['exprot'], 'irtop: unknown command "exprot" (see irtop --help)\n'],
		[['snapshot'], 'irtop: snapshot prints JSON only: add --json (see irtop --help)\n'],
		[['--config'], 'irtop: --config needs a value (see irtop --help)\n'],
	])('%j is one clear line and exit 2', (argv, message) => {
		const e = exit(...argv);
		expect(e.code).toBe(2);
		expect(e.stderr).toBe(message);
		expect(e.stderr?.trim().split('\n')).toHaveLength(1);
	});

	it('prints help and version with exit 0', () => {
		expect(exit('--help')).toMatchObject({code: 0});
		expect(exit('--help').stdout).toContain('irtop snapshot --json');
		expect(exit('-v')).toEqual({kind: 'exit', code: 0, stdout: '1.2.3\n'});
	});
});
