import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {EventRow} from '../../model/index.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf, reconnectingNote} from './panel.ts';

export const eventsPanel: PanelDefinition = {
	id: 'events',
	title: 'Events',
	sources: ['kubernetes'],
	view(context, width) {
		// Newest first, as `kubectl get events --sort-by=.lastTimestamp` reversed.
		const rows = (dataOf(context, 'kubernetes')?.events ?? []).toSorted(
			(a, b) => (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0),
		);
		const columns = fitColumns<EventRow>(
			[
				{
					header: 'AGE',
					width: 4,
					value: (e) => (e.lastSeenAt === null ? '-' : formatAge(context.now - e.lastSeenAt)),
				},
				{header: 'TYPE', width: 7, optional: true, value: (e) => sanitizeLine(e.type)},
				{header: 'REASON', width: 10, value: (e) => sanitizeLine(e.reason)},
				{header: 'OBJECT', width: 26, optional: true, value: (e) => sanitizeLine(e.object)},
				{
					header: 'MESSAGE',
					width: 16,
					flex: true,
					value: (e) => `${e.count > 1 ? `(x${e.count}) ` : ''}${sanitizeLine(e.message)}`,
				},
			],
			width,
		);
		const warnings = rows.filter((e) => e.type === 'Warning').length;
		return {
			summary: `${reconnectingNote(context)}${warnings} warning${warnings === 1 ? '' : 's'} / ${rows.length}`,
			summaryTone: warnings > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			// Text is made when a line is drawn (or filtered), not for all 500 events every frame.
			lines: rows.map((e, i) => ({
				key: `${e.namespace}/${e.object}/${e.reason}/${i}`,
				get text() {
					return formatRow(columns, e);
				},
				tone: e.type === 'Warning' ? 'warn' : undefined,
				get match() {
					return `${e.namespace} ${e.type} ${e.reason} ${e.object} ${sanitizeLine(e.message)}`;
				},
			})),
			empty: 'no recent events',
		};
	},
};
