import {describe, expect, it} from 'vitest';
import {commands} from '../../source/ui/commands.ts';
import {completeJump, jumpCompletions, resolveJump} from '../../source/ui/jump.ts';
import {computeLayout} from '../../source/ui/layout.ts';
import {gridPanelIds} from '../../source/ui/panel-ids.ts';
import {resolveKey} from '../../source/ui/resolve-key.ts';
import {initialUiState, reduceUi} from '../../source/ui/state.ts';

describe('the command table', () => {
	it('never binds one key twice in one scope', () => {
		const seen = new Set<string>();
		for (const command of commands) {
			for (const key of command.keys) {
				const id = `${command.scope} ${key}`;
				expect(seen.has(id), id).toBe(false);
				seen.add(id);
			}
		}
	});

	it('resolves with modal > focused panel > global precedence', () => {
		const none = {kind: 'none'} as const;
		expect(resolveKey('r', none, 'deployments', false)).toBe('restart');
		expect(resolveKey('r', none, 'pods', false)).toBeNull();
		expect(resolveKey('escape', {kind: 'confirm', action: {} as never}, 'deployments', false)).toBe(
			'cancel',
		);
		expect(resolveKey('q', {kind: 'jump', text: ''}, 'pods', false)).toBeNull();
		expect(resolveKey('tab', {kind: 'jump', text: ''}, 'pods', false)).toBe('complete');
		expect(resolveKey('tab', none, 'pods', false)).toBe('focus-next');
		expect(resolveKey('a', none, 'pods', false)).toBe('toggle-problems');
	});

	it('drops every mutating key in read-only mode', () => {
		expect(resolveKey('r', {kind: 'none'}, 'deployments', true)).toBeNull();
		expect(resolveKey('s', {kind: 'none'}, 'deployments', true)).toBeNull();
	});
});

describe(':jump', () => {
	it('resolves names, aliases and unique prefixes', () => {
		expect(resolveJump('deploy')).toBe('deployments');
		expect(resolveJump('pg')).toBe('db');
		expect(resolveJump('time')).toBe('timeline');
		expect(resolveJump('e')).toBeNull();
		expect(resolveJump('nope')).toBeNull();
	});
	it('completes to the longest common prefix', () => {
		expect(completeJump('dep')).toBe('deploy');
		expect(jumpCompletions('ev')).toEqual(['ev', 'events']);
	});
});

describe('UI reducer', () => {
	it('moves within bounds and pages', () => {
		let s = reduceUi(initialUiState, {type: 'focus', panel: 'pods'});
		s = reduceUi(s, {type: 'move', to: 'up', rows: 10, page: 4});
		expect(s.cursor.pods).toBe(0);
		s = reduceUi(s, {type: 'move', to: 'page-down', rows: 10, page: 4});
		expect(s.cursor.pods).toBe(4);
		s = reduceUi(s, {type: 'move', to: 'bottom', rows: 10, page: 4});
		expect(s.cursor.pods).toBe(9);
		s = reduceUi(s, {type: 'move', to: 'down', rows: 10, page: 4});
		expect(s.cursor.pods).toBe(9);
	});
	it('cycles focus both ways', () => {
		const last = reduceUi(initialUiState, {type: 'focus-step', by: -1});
		expect(last.focus).toBe(gridPanelIds.at(-1));
		expect(reduceUi(last, {type: 'focus-step', by: 1}).focus).toBe(gridPanelIds[0]);
	});
	it('opens a view by name over the grid; Esc and Tab go back to the grid panel', () => {
		let s = reduceUi(initialUiState, {type: 'focus', panel: 'pods'});
		s = reduceUi(s, {type: 'focus', panel: 'top'});
		expect(s.focus).toBe('top');
		expect(s.gridFocus).toBe('pods');
		expect(reduceUi(s, {type: 'clear'}).focus).toBe('pods');
		expect(reduceUi(s, {type: 'toggle-zoom'}).focus).toBe('pods');
		expect(reduceUi(s, {type: 'focus-step', by: 1}).focus).toBe('deployments');
		// A filter in the view is cleared before Esc leaves it.
		s = reduceUi(s, {type: 'filter', text: 'api'});
		s = reduceUi(s, {type: 'clear'});
		expect(s.focus).toBe('top');
		expect(s.filters.top).toBe('');
	});
	it('toggles the Top sort between CPU and memory', () => {
		const s = reduceUi(initialUiState, {type: 'toggle-top-sort'});
		expect(s.topSort).toBe('memory');
		expect(reduceUi(s, {type: 'toggle-top-sort'}).topSort).toBe('cpu');
	});
	it('escape closes the innermost thing first', () => {
		let s = reduceUi(initialUiState, {type: 'filter', text: 'api'});
		s = reduceUi(s, {type: 'toggle-zoom'});
		s = reduceUi(s, {type: 'overlay', overlay: {kind: 'help', scroll: 0}});
		s = reduceUi(s, {type: 'clear'});
		expect(s.overlay.kind).toBe('none');
		expect(s.filters.errors).toBe('api');
		s = reduceUi(s, {type: 'clear'});
		expect(s.filters.errors).toBe('');
		expect(s.zoomed).toBe(true);
		s = reduceUi(s, {type: 'clear'});
		expect(s.zoomed).toBe(false);
	});
});

describe('layout', () => {
	it('fits nine panels into 80x24 and refuses less', () => {
		const layout = computeLayout(80, 24, null);
		if (layout.kind !== 'grid') throw new Error(layout.kind);
		const boxes = layout.rows.flat();
		expect(boxes.map((b) => b.id).toSorted()).toEqual([...gridPanelIds].toSorted());
		for (const row of layout.rows)
			expect(row.reduce((w, b) => w + b.width, 0) + row.length - 1).toBe(80);
		expect(layout.rows.reduce((h, row) => h + row[0]!.height, 0)).toBe(21);
		expect(computeLayout(79, 24, null).kind).toBe('too-small');
		expect(computeLayout(80, 23, null).kind).toBe('too-small');
	});
	it('gives a zoomed panel the whole body', () => {
		expect(computeLayout(120, 40, 'pods')).toEqual({
			kind: 'zoom',
			box: {id: 'pods', width: 120, height: 37},
		});
	});
});
