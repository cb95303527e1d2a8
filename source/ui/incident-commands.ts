import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Key} from 'ink';
import type {Dispatch} from 'react';
import type {Action} from '../actions/action.ts';
import {exportMarkdown} from '../timeline/export-markdown.ts';
import {nextStatus} from '../timeline/incident.ts';
import {milestones} from '../timeline/milestones.ts';
import {pinnedIds} from '../timeline/pins.ts';
import {isSeverity} from '../timeline/severity.ts';
import type {CommandId} from './commands.ts';
import {editedText, withoutControls} from './edit-text.ts';
import type {PanelLine} from './panels/panel.ts';
import type {AppServices} from './services.ts';
import type {UiEvent, UiState} from './state.ts';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
// Typed text keeps printable characters; a note keeps its line breaks.
const printable = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[^\P{C}\n]/gu, '');

/**
 * The incident keys: notes, status, severity, milestones, pins, export and
 * notifications. Returns false for commands that are not its own.
 */
export function incidentCommands(
	ui: UiState,
	dispatch: Dispatch<UiEvent>,
	services: AppServices,
	selectedLine: () => PanelLine | undefined,
	offer: (build: () => Action | undefined, missing: string) => void,
) {
	const {timeline} = services;
	const say = (text: string, tone: 'ok' | 'warn' | 'error' | 'dim') =>
		dispatch({type: 'message', text, tone});
	const overlay = (o: UiState['overlay']) => dispatch({type: 'overlay', overlay: o});
	// Every timeline write can fail (disk full): say so, never pretend it was saved.
	const record = (what: string, write: () => void): boolean => {
		try {
			write();
			return true;
		} catch (error) {
			say(`✗ ${what} NOT saved: ${errorText(error)}`, 'error');
			return false;
		}
	};

	const run = (command: CommandId): boolean => {
		const state = timeline.getSnapshot();
		switch (command) {
			case 'note':
				overlay({kind: 'note', text: ''});
				return true;
			case 'amend-note': {
				const last = state.events.findLast((e) => e.kind === 'note');
				if (!last) say('no note to amend yet: n writes one', 'warn');
				else overlay({kind: 'note', text: last.text, amends: last.seq});
				return true;
			}
			case 'open-incident':
				overlay({kind: 'incident', text: ''});
				return true;
			case 'severity':
				overlay({kind: 'severity', text: state.incident?.severity ?? 'P2'});
				return true;
			case 'retitle':
				if (!state.incident) say('no incident yet: i opens one', 'warn');
				else overlay({kind: 'title', text: state.incident.title});
				return true;
			case 'status-next': {
				const from = state.incident?.status ?? 'investigating';
				if (from === 'resolved') say('the incident is already resolved', 'dim');
				else if (record('status', () => timeline.setStatus(nextStatus(from))))
					say(`status: ${timeline.incident?.status}`, 'ok');
				return true;
			}
			case 'mitigated':
				if (
					record('mitigated', () =>
						timeline.append({
							kind: 'milestone',
							text: 'Marked mitigated',
							data: {milestone: 'mitigated'},
						}),
					)
				)
					say('✓ marked mitigated', 'ok');
				return true;
			case 'pin': {
				const seq = Number(selectedLine()?.key.replace(/^event:/, ''));
				const event = state.events.find((e) => e.seq === seq);
				if (!event) {
					say('select a timeline event first', 'warn');
					return true;
				}
				const on = !pinnedIds(state.events).has(event.id);
				record('pin', () =>
					timeline.append({
						kind: 'pin',
						text: `${on ? 'Pinned' : 'Unpinned'} #${seq}`,
						// By id: another responder's earlier event may renumber the list.
						data: {seq, event: event.id, pinned: on},
					}),
				);
				return true;
			}
			case 'export': {
				const {incident, events} = state;
				if (!incident) say('no incident to export yet', 'warn');
				else if (!services.journalDir) say('no journal directory: use irtop export', 'warn');
				else {
					const file = join(services.journalDir, `${incident.id}.md`);
					const now = Date.now();
					const end = milestones(state)?.resolved ?? now;
					say('exporting the post-mortem (impact from Prometheus)…', 'dim');
					// The same document as `irtop export`: impact numbers included when Prometheus answers.
					void (services.measureImpact?.(incident.startedAt, end) ?? Promise.resolve(null)).then(
						(impact) => {
							try {
								writeFileSync(file, exportMarkdown(incident, events, now, impact), {mode: 0o600});
								say(`✓ post-mortem written to ${file}`, 'ok');
							} catch (error) {
								say(`✗ export failed: ${errorText(error)}`, 'error');
							}
						},
					);
				}
				return true;
			}
			case 'notify-slack': {
				const build = services.notifiers?.slack;
				offer(() => build?.(state), 'Slack is not configured: set SLACK_WEBHOOK_URL');
				return true;
			}
			case 'notify-statuspage': {
				const build = services.notifiers?.statuspage;
				offer(
					() => build?.(state),
					'status page not configured: STATUSPAGE_PAGE_ID and STATUSPAGE_API_KEY, or provider runbook, url and STATUS_PAGE_TOKEN',
				);
				return true;
			}
			case 'save-note':
				saveNote();
				return true;
			case 'note-newline':
				if (ui.overlay.kind === 'note') overlay({...ui.overlay, text: `${ui.overlay.text}\n`});
				return true;
			case 'cancel-note':
				overlay({kind: 'none'});
				return true;
			default:
				return false;
		}
	};

	const saveNote = () => {
		if (ui.overlay.kind !== 'note') return;
		const {text, amends} = ui.overlay;
		if (text.trim() === '') {
			overlay({kind: 'none'});
			return;
		}
		try {
			const event = timeline.append({
				kind: 'note',
				text: text.trim(),
				data: amends === undefined ? null : {amends},
			});
			overlay({kind: 'none'});
			say(`✓ note saved (#${event.seq})`, 'ok');
		} catch (error) {
			// The input stays open with the text: nothing typed is lost.
			overlay({...ui.overlay, error: `NOT saved: ${errorText(error)}`});
		}
	};

	/** Enter in the one-line incident prompts. */
	const submit = (): boolean => {
		const o = ui.overlay;
		if (o.kind === 'severity') {
			const value = o.text.trim().toUpperCase();
			const severity = /^\d$/.test(value) ? `P${value}` : value;
			if (!isSeverity(severity)) {
				overlay({...o, error: `severity must be P0, P1, P2 or P3, not "${o.text}"`});
				return true;
			}
			overlay({kind: 'none'});
			if (record('severity', () => timeline.setSeverity(severity)))
				say(`severity: ${severity}`, 'ok');
			return true;
		}
		if (o.kind === 'title') {
			const title = o.text.trim();
			if (title === '') {
				overlay({...o, error: 'a title is needed'});
				return true;
			}
			overlay({kind: 'none'});
			if (record('title', () => timeline.retitle(title))) say(`title: ${title}`, 'ok');
			return true;
		}
		if (o.kind === 'incident') {
			const words = o.text.trim().split(/\s+/);
			const severity = words.find((w) => isSeverity(w.toUpperCase()))?.toUpperCase();
			const owner = words.find((w) => w.startsWith('@'));
			const title = words.filter((w) => w !== owner && w.toUpperCase() !== severity).join(' ');
			if (title === '') {
				overlay({...o, error: 'a title is needed: e.g. API 500 errors spike P1 @oncall'});
				return true;
			}
			overlay({kind: 'none'});
			record('incident', () =>
				timeline.open({
					title,
					severity: severity && isSeverity(severity) ? severity : 'P2',
					owner: owner ?? null,
				}),
			);
			return true;
		}
		return false;
	};

	/** Typing and pasting into the note and the incident prompts. */
	const edit = (input: string, key: Key): boolean => {
		const o = ui.overlay;
		if (o.kind !== 'note' && o.kind !== 'severity' && o.kind !== 'incident' && o.kind !== 'title')
			return false;
		const allow = o.kind === 'note' ? printable : withoutControls;
		if (editedText('', input, key, allow) === null) return true;
		dispatch({
			type: 'overlay-update',
			update: (current) => {
				if (current.kind !== o.kind || !('text' in current)) return current;
				const text = editedText(current.text, input, key, allow) ?? current.text;
				return {...current, text, error: undefined};
			},
		});
		return true;
	};

	const paste = (text: string) => {
		if (ui.overlay.kind === 'note')
			overlay({...ui.overlay, text: ui.overlay.text + printable(text), error: undefined});
	};

	return {run, submit, edit, paste};
}
