import {historyKey} from '../../engine/history.ts';
import {formatCount} from '../../format/numbers.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {sparkline} from '../../format/sparkline.ts';
import {fitWidth, formatHeader, formatRow} from '../../format/table.ts';
import type {ConsumerGroup, GroupStatus} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelDefinition, PanelLine} from './panel.ts';
import {dataOf} from './panel.ts';

const statusTone: Readonly<Record<GroupStatus, Tone | undefined>> = {
	OK: undefined,
	WARN: 'warn',
	STALL: 'error',
	STOP: 'error',
};
const statusRank: Readonly<Record<GroupStatus, number>> = {STOP: 0, STALL: 1, WARN: 2, OK: 3};

export const kafkaPanel: PanelDefinition = {
	id: 'kafka',
	title: 'Kafka lag',
	sources: ['kafka'],
	view(context, width) {
		const data = dataOf(context, 'kafka');
		const groups = (data?.groups ?? []).toSorted(
			(a, b) => statusRank[a.status] - statusRank[b.status] || b.lag - a.lag,
		);
		const columns = fitColumns<ConsumerGroup>(
			[
				{header: 'GROUP', width: 14, flex: true, value: (g) => sanitizeLine(g.group)},
				{header: 'STATUS', width: 6, value: (g) => g.status},
				{header: 'LAG', width: 6, align: 'right', value: (g) => formatCount(g.lag)},
				{
					header: 'TREND',
					width: 8,
					optional: true,
					value: (g) => sparkline(context.store.history[historyKey.lag(g.group)] ?? [], 8),
				},
				{header: 'STATE', width: 11, optional: true, value: (g) => sanitizeLine(g.state)},
				{
					header: 'MEMBERS',
					width: 7,
					optional: true,
					align: 'right',
					value: (g) => String(g.members),
				},
			],
			width,
		);
		const lines: PanelLine[] = groups.flatMap((g) => [
			{
				key: `group:${g.group}`,
				text: formatRow(columns, g),
				tone: statusTone[g.status],
				match: `${g.group} ${g.status} ${g.state} ${g.topics.map((t) => t.topic).join(' ')}`,
				selection: {kind: 'kafka-group', group: g.group},
			},
			// Where a lagging group's lag sits: per topic, then per partition ("-": nothing committed).
			...(g.lag > 0 ? g.topics : []).map((t) => ({
				key: `group:${g.group}:${t.topic}`,
				text: fitWidth(
					`  ${sanitizeLine(t.topic)} ${formatCount(t.lag)} · ${t.partitions
						.map((p) => `p${p.partition} ${p.lag === null ? '-' : formatCount(p.lag)}`)
						.join(' ')}`,
					width,
				),
				tone: 'dim' as const,
				match: `${g.group} ${t.topic}`,
			})),
		]);
		for (const topic of data?.topics ?? []) {
			if (topic.underReplicated > 0) {
				lines.push({
					key: `topic:${topic.name}`,
					text: fitWidth(
						`topic ${sanitizeLine(topic.name)}: ${topic.underReplicated}/${topic.partitions} under-replicated`,
						width,
					),
					tone: 'error',
				});
			}
		}
		const behind = groups.filter((g) => g.status !== 'OK').length;
		return {
			summary: `${behind} lagging / ${groups.length} groups`,
			summaryTone: behind > 0 ? 'warn' : 'ok',
			header: formatHeader(columns),
			lines,
			empty: 'no consumer groups',
		};
	},
};
