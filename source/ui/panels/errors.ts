import {historyKey} from '../../engine/history.ts';
import {formatCount, formatPercent, formatSeconds} from '../../format/numbers.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {sparkline} from '../../format/sparkline.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {ServiceRates} from '../../model/index.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf} from './panel.ts';
import {logsSummary} from './search.ts';

const over = (s: ServiceRates, threshold: number) =>
	s.errorRatio !== null && s.errorRatio > threshold;

export const errorsPanel: PanelDefinition = {
	id: 'errors',
	title: 'Error rate',
	sources: ['prometheus'],
	// The log store's ERRORs per minute sit in the title: the same symptom from the other side.
	alsoReads: ['logs'],
	view(context, width) {
		const data = dataOf(context, 'prometheus');
		const threshold = data?.threshold ?? 0.01;
		const rows = (data?.services ?? []).toSorted(
			(a, b) => (b.errorRatio ?? -1) - (a.errorRatio ?? -1) || a.name.localeCompare(b.name),
		);
		const columns = fitColumns<ServiceRates>(
			[
				{header: 'SERVICE', width: 14, flex: true, value: (s) => sanitizeLine(s.name)},
				{header: '5XX', width: 6, align: 'right', value: (s) => formatPercent(s.errorRatio)},
				{
					header: 'TREND',
					width: 8,
					optional: true,
					value: (s) =>
						sparkline(
							s.trend ?? context.store.history[historyKey.errors(s.name)] ?? [],
							8,
							Math.max(threshold * 2, 0),
						),
				},
				{
					header: 'REQ/S',
					width: 6,
					optional: true,
					align: 'right',
					value: (s) => (s.requestRate === null ? '-' : formatCount(s.requestRate)),
				},
				{
					header: 'P99',
					width: 7,
					optional: true,
					align: 'right',
					value: (s) => formatSeconds(s.p99Seconds),
				},
			],
			width,
		);
		const bad = rows.filter((s) => over(s, threshold)).length;
		const logs = logsSummary(dataOf(context, 'logs'));
		return {
			summary: `${bad} over ${formatPercent(threshold)}${logs ? ` · ${logs}` : ''}`,
			summaryTone: bad > 0 ? 'error' : 'ok',
			header: formatHeader(columns),
			lines: rows.map((s) => ({
				key: s.name,
				text: formatRow(columns, s),
				tone: over(s, threshold) ? 'error' : undefined,
				match: s.name,
			})),
			empty: 'no services with traffic',
		};
	},
};
