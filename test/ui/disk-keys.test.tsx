// The Disk view's keys through the whole app at 80x24: D previews the
// runbook's find … -delete, e asks for the size and previews kubectl patch,
// both run once after y and land on the timeline; --read-only has neither.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/actions/action.ts';
import type {Mitigations} from '../../source/actions/mitigations.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';

function recording(runs: string[]): Mitigations {
	const action = (id: string, title: string, command: string): Action => ({
		id,
		title,
		target: {context: null, namespace: null, object: 'x'},
		command,
		checkPermission: async () => ({allowed: true}),
		run: async () => {
			runs.push(command);
			return {ok: true, message: 'done'};
		},
	});
	return {
		deleteRotatedLogs: () =>
			action(
				'delete-rotated-logs',
				'Delete 12 rotated logs',
				'find /var/log -name "*.gz" -mtime +30 -delete',
			),
		extendPvc: (ref, size) =>
			action(
				'extend-pvc',
				`Extend PVC to ${size}`,
				`kubectl patch pvc ${ref.name} -n ${ref.namespace} -p '{"spec":{"resources":{"requests":{"storage":"${size}"}}}}'`,
			),
	};
}

async function disk(options: {readOnly?: boolean; runs?: string[]} = {}) {
	const now = Date.parse('2026-11-28T03:00:00Z');
	const app = await renderApp({
		columns: 80,
		rows: 24,
		now,
		data: fixtureData(now),
		mitigations: recording(options.runs ?? []),
		readOnly: options.readOnly,
	});
	await app.press('jump');
	await app.type('disk');
	await app.press('submit');
	return app;
}

describe('the Disk view’s keys', () => {
	it('D previews find … -delete and runs it once; the timeline records it', async () => {
		const runs: string[] = [];
		const {frame, press, timeline} = await disk({runs});
		expect(frame()).toContain('MOUNTED ON');
		expect(frame()).toMatch(/\/ +80G +70G +6\.0G +93%/);
		await press('delete-rotated-logs');
		expect(frame()).toContain('$ find /var/log -name "*.gz" -mtime +30 -delete');
		await press('confirm', 2);
		expect(runs).toEqual(['find /var/log -name "*.gz" -mtime +30 -delete']);
		await new Promise((r) => setTimeout(r, 50));
		const events = timeline.getSnapshot().events.filter((e) => e.kind === 'action');
		expect(events.map((e) => e.data?.action)).toEqual(['delete-rotated-logs']);
	});

	it('e on a PVC asks for the size (twice the capacity offered) and previews kubectl patch', async () => {
		const runs: string[] = [];
		const {frame, press, type, stdin, tick} = await disk({runs});
		// Rows: /, /data, the PVC heading, then the claim.
		await press('down', 3);
		await press('extend-pvc');
		expect(frame()).toContain('storage for data-postgresql-0 (now 10Gi): 20Gi');
		await type('x');
		await press('submit');
		expect(frame()).toContain('a size such as 20Gi, not "20G');
		stdin.write('\u007f');
		await tick();
		await press('submit');
		const command = `kubectl patch pvc data-postgresql-0 -n platform-observability -p '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}'`;
		// The dialog wraps the command at 80 columns.
		expect(frame()).toContain('$ kubectl patch pvc data-postgresql-0 -n platform-observability -p');
		expect(frame()).toContain(`'{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}'`);
		await press('confirm');
		expect(runs).toEqual([command]);
	});

	it('closes the size prompt to show why a claim cannot grow', async () => {
		const runs: string[] = [];
		const now = Date.parse('2026-11-28T03:00:00Z');
		const mitigations = recording(runs);
		const app = await renderApp({
			columns: 80,
			rows: 24,
			now,
			data: fixtureData(now),
			mitigations: {
				...mitigations,
				extendPvc: (ref, size) => ({
					...mitigations.extendPvc!(ref, size),
					checkPermission: async () => ({
						allowed: false,
						reason: 'StorageClass lab-local does not set allowVolumeExpansion',
					}),
				}),
			},
		});
		await app.press('jump');
		await app.type('disk');
		await app.press('submit');
		await app.press('down', 3);
		await app.press('extend-pvc');
		await app.press('submit');
		await app.tick(50);
		expect(app.frame()).not.toContain('storage for data-postgresql-0');
		expect(app.frame()).toContain('Extend PVC to 20Gi: not allowed · StorageClass lab-local');
		expect(runs).toEqual([]);
	});

	it('has neither key in --read-only', async () => {
		const runs: string[] = [];
		const {frame, press} = await disk({readOnly: true, runs});
		await press('delete-rotated-logs');
		expect(frame()).not.toContain('$ find');
		expect(runs).toEqual([]);
		expect(frame()).not.toContain('delete old logs');
	});
});
