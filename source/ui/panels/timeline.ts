import {formatClock} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth, wrapWidth} from '../../format/table.ts';
import type {EventKind, TimelineEvent} from '../../timeline/event.ts';
import {durations, milestones} from '../../timeline/milestones.ts';
import {pinnedIds} from '../../timeline/pins.ts';
import type {TimelineState} from '../../timeline/timeline.ts';
import type {Tone} from '../state.ts';
import type {PanelDefinition} from './panel.ts';

const kindTone: Partial<Record<EventKind, Tone>> = {
	alert: 'error',
	action: 'accent',
	note: undefined,
	source: 'warn',
	milestone: 'ok',
	notify: 'accent',
};

/** Short enough for a 26-cell panel; the full kind is in the export. */
const kindLabel: Readonly<Record<EventKind, string>> = {
	incident: 'open',
	note: 'note',
	alert: 'alert',
	observation: 'seen',
	action: 'action',
	status: 'status',
	severity: 'sev',
	source: 'source',
	milestone: 'mark',
	pin: 'pin',
	notify: 'sent',
};

/** Time to mitigate and resolve, once they happened: what the post-mortem will ask. */
function took(state: TimelineState): string {
	const m = milestones(state);
	if (!m) return '';
	const d = durations(m);
	return [
		d.toMitigate === null ? '' : ` · mitigated +${formatClock(d.toMitigate)}`,
		d.toResolve === null ? '' : ` · resolved +${formatClock(d.toResolve)}`,
	].join('');
}

/** From this width on (a zoomed timeline), an action's line ends with its command. */
const wideWidth = 60;

/** The equivalent command an action recorded, as the export prints it: "what exactly did you run?". */
function commandOf(e: TimelineEvent): string | null {
	if (e.kind !== 'action' && e.kind !== 'notify') return null;
	const command = e.data?.command;
	return typeof command === 'string' && command !== '' ? `$ ${sanitizeLine(command)}` : null;
}

/** The selected event in full: the text its row cut, its command, who recorded it. */
function detailOf(e: TimelineEvent, cut: boolean, command: string | null, width: number): string[] {
	// Most useful first: the panel may have room for only a few of these rows.
	const lines = command && (cut || width < wideWidth) ? wrapWidth(command, width - 2) : [];
	if (e.author) lines.push(`by ${sanitizeLine(e.author)}`);
	if (cut) lines.push(...wrapWidth(sanitizeLine(e.text), width - 2));
	return lines.map((line) => fitWidth(`  ${line}`, width));
}

function clock(at: number): string {
	return new Date(at).toISOString().slice(11, 19);
}

export const timelinePanel: PanelDefinition = {
	id: 'timeline',
	title: 'Timeline',
	sources: [],
	tail: true,
	view(context, width) {
		const {events, incident} = context.timeline;
		// The latest pin event per event decides; pins themselves stay in the list as the record.
		const pinned = pinnedIds(events);
		return {
			summary: incident
				? `${events.length} events · UTC${took(context.timeline)}`
				: 'no incident yet',
			lines: events.map((e) => {
				const ok =
					e.kind === 'action' && e.data !== null && e.data.ok === false
						? 'error'
						: kindTone[e.kind];
				const command = commandOf(e);
				// Wide (zoomed), every action says what it ran; narrow, the selected one does.
				const shown = command && width >= wideWidth ? ` · ${command}` : '';
				const label =
					e.kind === 'incident' && e.data?.from !== undefined ? 'title' : kindLabel[e.kind];
				const full = `${clock(e.at)} ${fitWidth(label, 6)}${pinned.has(e.id) ? '*' : ' '}${sanitizeLine(e.text)}${shown}`;
				const text = fitWidth(full, width);
				return {
					key: `event:${e.seq}`,
					text,
					tone: ok,
					match: `${e.kind} ${e.text} ${e.author ?? ''} ${command ?? ''}`,
					detail: detailOf(e, text.trimEnd() !== full, command, width),
				};
			}),
			empty: 'nothing recorded yet · n writes a note',
		};
	},
};
