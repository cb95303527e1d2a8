import {formatCount} from '../../format/numbers.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {sparkline} from '../../format/sparkline.ts';
import {formatHeader, formatRow} from '../../format/table.ts';
import type {LogHit, LogsData} from '../../model/index.ts';
import {describeLogQuery} from '../log-query.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition} from './panel.ts';
import {dataOf} from './panel.ts';

/** UTC, like the timeline: the clock the post-mortem is written in. */
const clock = (at: number | null) =>
	at === null ? '--:--:--' : new Date(at).toISOString().slice(11, 19);

const tone = (hit: LogHit) => {
	const level = hit.level.toUpperCase();
	if (level.startsWith('ERR') || level === 'FATAL' || level === 'CRITICAL') return 'error' as const;
	return level.startsWith('WARN') ? ('warn' as const) : undefined;
};

/** The last hour's ERRORs per minute, 12 cells (5 minutes each): the shape of the hour at a glance. */
export function errorsSparkline(data: LogsData, width = 12): string {
	// A floor of 10 a minute: a steady trickle of 2 reads as low, not as a wall of full bars.
	return sparkline(data.perMinute, width, Math.max(10, ...data.perMinute));
}

/** The sparkline and the hour's count, for the Error rate panel's title. */
export function logsSummary(data: LogsData | null): string {
	if (!data) return '';
	return `logs ${errorsSparkline(data, 8)} ${formatCount(data.errorsLastHour)} ERR/h`;
}

/**
 * The runbook's "Search Elasticsearch": `level ERROR`, the last hour, newest
 * first, 100 hits, over fluentbit-*. `/` sends a query_string, E on a pod or a
 * deployment narrows to it, a goes back to the runbook's query.
 */
export const searchPanel: PanelDefinition = {
	id: 'search',
	title: 'Logs search',
	sources: ['logs'],
	view(context, width) {
		const data = dataOf(context, 'logs');
		const columns = fitColumns<LogHit>(
			[
				{header: 'TIME', width: 8, value: (h) => clock(h.time)},
				{header: 'LEVEL', width: 5, value: (h) => sanitizeLine(h.level)},
				{header: 'POD', width: 22, value: (h) => sanitizeLine(h.pod)},
				{header: 'MESSAGE', width: 20, flex: true, value: (h) => sanitizeLine(h.message)},
				{header: 'NAMESPACE', width: 20, optional: true, value: (h) => sanitizeLine(h.namespace)},
				{header: 'CONTAINER', width: 16, optional: true, value: (h) => sanitizeLine(h.container)},
			],
			width,
		);
		const hits = data?.hits ?? [];
		const shown =
			data && data.total > hits.length
				? `${hits.length} of ${formatCount(data.total)}`
				: `${hits.length}`;
		return {
			summary: data
				? `${shown} hits · ${sanitizeLine(describeLogQuery(data.query))} · ${errorsSparkline(data)} ${formatCount(data.errorsLastHour)} ERR/h`
				: '',
			summaryTone: data && data.errorsLastHour > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			lines: hits.map((hit) => ({
				key: hit.id,
				text: formatRow(columns, hit),
				tone: tone(hit),
				match: `${hit.namespace} ${hit.pod} ${hit.container} ${hit.level} ${hit.message}`,
			})),
			empty: data
				? `no hits in ${sanitizeLine(data.index)} for ${sanitizeLine(describeLogQuery(data.query))}`
				: 'searching…',
		};
	},
};
