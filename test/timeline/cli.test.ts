import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/args.ts';
import {main} from '../../source/cli/main.ts';
import {Journal} from '../../source/timeline/journal.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {capture} from '../support/capture.ts';

async function irtop(argv: string[], home: string, extra: NodeJS.ProcessEnv = {}) {
	const stdout = capture();
	const stderr = capture();
	const code = await main({
		argv,
		env: {HOME: home, XDG_CONFIG_HOME: home, ...extra},
		stdout: stdout.stream,
		stderr: stderr.stream,
		version: '0.0.0-test',
	});
	return {code, stdout: stdout.text(), stderr: stderr.text()};
}

function journaled(home: string, title: string, startedAt: number) {
	const journal = new Journal(join(home, '.local/state/irtop/incidents'));
	const timeline = new Timeline({author: '@bob', sink: journal, now: () => startedAt});
	const incident = timeline.open({title, severity: 'P1', owner: '@bob', startedAt});
	timeline.append({kind: 'note', text: `note on ${title}`});
	journal.close();
	return incident;
}

describe('irtop --resume and irtop export', () => {
	it('parses --resume [ID] and export [ID] --format -o', () => {
		const run = (...argv: string[]) => {
			const parsed = parseArgs(argv, '1');
			if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
			return parsed.options;
		};
		expect(run('--demo', '--resume')).toMatchObject({resume: true, incidentId: undefined});
		expect(run('--resume', '2025')).toMatchObject({resume: true, incidentId: '2025'});
		expect(run('export', 'abc', '--format', 'json', '-o', 'x.json')).toMatchObject({
			command: 'export',
			incidentId: 'abc',
			format: 'json',
			output: 'x.json',
		});
		expect(run('export').format).toBe('md');
		expect(parseArgs(['export', '--format', 'pdf'], '1')).toMatchObject({code: 2});
		expect(parseArgs(['--format', 'md'], '1')).toMatchObject({code: 2});
		expect(parseArgs(['--resume', '--incident', 'x'], '1')).toMatchObject({code: 2});
	});

	it('exports the latest incident by default, a given one by id prefix, as md or json', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-export-'));
		const older = journaled(home, 'older', Date.UTC(2025, 0, 1));
		journaled(home, 'newer', Date.UTC(2025, 5, 1));
		const latest = await irtop(['export'], home);
		expect(latest.code).toBe(0);
		expect(latest.stdout).toContain('# Incident Post-Mortem: newer');
		expect(latest.stdout).toContain('Note (@bob): note on newer');
		const given = await irtop(['export', older.id.slice(0, 12), '--format', 'json'], home);
		expect(JSON.parse(given.stdout).incident.title).toBe('older');
		const file = join(home, 'pm.md');
		expect((await irtop(['export', '-o', file], home)).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toContain('## Lessons Learned');
		const missing = await irtop(['export', 'nope'], home);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('no incident "nope"');
	});

	it('import brings a JSON export back: the same incident, exported the same', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-export-'));
		journaled(home, 'moved between machines', Date.UTC(2025, 0, 1));
		const file = join(home, 'incident.json');
		expect((await irtop(['export', '--format', 'json', '-o', file], home)).code).toBe(0);
		const other = mkdtempSync(join(tmpdir(), 'irtop-import-'));
		const imported = await irtop(['import', file], other);
		expect(imported.code).toBe(0);
		const json = readFileSync(file, 'utf8');
		expect((await irtop(['export', '--format', 'json'], other)).stdout).toBe(json);
		expect(imported.stdout.trim()).toBe(JSON.parse(json).incident.id);
		const twice = await irtop(['import', file], other);
		expect(twice.code).toBe(1);
		expect(twice.stderr).toContain('already in');
		expect((await irtop(['import', join(home, 'nope.json')], other)).code).toBe(1);
	});

	it('scrubs configured secrets from an export', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-export-'));
		journaled(home, 'token s3cr3t-token leaked in a title', Date.UTC(2025, 0, 1));
		const {stdout} = await irtop(['export'], home, {PAGERDUTY_TOKEN: 's3cr3t-token'});
		expect(stdout).not.toContain('s3cr3t-token');
		expect(stdout).toContain('token *** leaked');
	});
});
