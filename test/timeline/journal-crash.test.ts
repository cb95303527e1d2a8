import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {journalPath} from '../../source/timeline/journal-paths.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';

const writer = new URL('./support/journal-writer.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'irtop-crash-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/**
 * Runs a writer; kill -9s it once it has acknowledged `killAfterAcks` entries
 * (it keeps writing meanwhile, so the kill lands at a random point of a write),
 * or lets it finish. Returns what it acknowledged.
 */
function runWriter(id: string, tag: string, count: number, killAfterAcks: number | null) {
	return new Promise<string[]>((resolve, reject) => {
		const child = spawn(process.execPath, [writer, dir, id, tag, String(count)], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (killAfterAcks !== null && out.split('\n').length > killAfterAcks) child.kill('SIGKILL');
		});
		child.stderr.on('data', (chunk: Buffer) => {
			err += chunk.toString();
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`writer failed: ${err}`));
			// Only complete lines count: an "ack" torn by the kill was not acknowledged.
			const acks = out
				.split('\n')
				.slice(0, -1)
				.map((line) => line.replace(/^ack /, ''));
			resolve(acks);
		});
	});
}

const notes = (id: string) =>
	readJournal(journalPath(dir, id))
		.events.filter((e) => e.kind === 'note')
		.map((e) => e.text.split(' ')[0]);

describe('the journal under kill -9', () => {
	it('keeps every acknowledged entry, parseable, across repeated kills and resumes', async () => {
		const id = 'crash-loop';
		const acknowledged: string[] = [];
		let killedMidway = 0;
		for (let round = 0; round < 12; round++) {
			const acks = await runWriter(id, `r${round}`, 100_000, Math.floor(Math.random() * 300));
			acknowledged.push(...acks);
			if (acks.length > 0) killedMidway++;
			const saved = new Set(notes(id));
			for (const ack of acks) expect(saved.has(ack), `${ack} was acknowledged`).toBe(true);
		}
		expect(killedMidway).toBeGreaterThan(5);
		const loaded = readJournal(journalPath(dir, id));
		// Every line but torn fragments parses; torn ones are reported, never silently dropped.
		const lines = readFileSync(journalPath(dir, id), 'utf8').split('\n').filter(Boolean);
		expect(loaded.events.length + loaded.warnings.length).toBe(lines.length);
		const saved = new Set(notes(id));
		expect(acknowledged.filter((ack) => !saved.has(ack))).toEqual([]);
	}, 60_000);

	it('two processes appending to one incident never interleave their lines', async () => {
		const id = 'two-writers';
		await Promise.all([runWriter(id, 'a', 400, null), runWriter(id, 'b', 400, null)]);
		const loaded = readJournal(journalPath(dir, id));
		expect(loaded.warnings).toEqual([]);
		const saved = notes(id);
		expect(saved.filter((n) => n?.startsWith('a-'))).toHaveLength(400);
		expect(saved.filter((n) => n?.startsWith('b-'))).toHaveLength(400);
		// Renumbered in file order: no duplicate seq on screen.
		expect(new Set(loaded.events.map((e) => e.seq)).size).toBe(loaded.events.length);
	}, 60_000);
});
