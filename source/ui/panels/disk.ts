import {dfHuman} from '../../format/df.ts';
import {formatAge} from '../../format/duration.ts';
import {formatBytes} from '../../format/numbers.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth, formatHeader, formatRow} from '../../format/table.ts';
import type {DiskData, FilesystemRow, PvcUsage} from '../../model/index.ts';
import type {Tone} from '../state.ts';
import {fitColumns} from './columns.ts';
import type {PanelContext, PanelDefinition, PanelLine} from './panel.ts';
import {dataOf} from './panel.ts';

/** The runbook's "disk space" worry starts here; 95 % is an outage in waiting. */
export const diskWarnPercent = 85;
export const diskUrgentPercent = 95;

function percentTone(...values: (number | null)[]): Tone | undefined {
	const worst = Math.max(...values.map((v) => v ?? 0));
	if (worst >= diskUrgentPercent) return 'error';
	return worst >= diskWarnPercent ? 'warn' : undefined;
}

/** Filesystems at or above 85 % of their blocks or inodes, for the summaries elsewhere. */
export const fullFilesystems = (data: DiskData): FilesystemRow[] =>
	data.filesystems.filter(
		(f) => (f.usedPercent ?? 0) >= diskWarnPercent || (f.inodesUsedPercent ?? 0) >= diskWarnPercent,
	);

const percent = (value: number | null) => (value === null ? '-' : `${value}%`);

function filesystemColumns(width: number) {
	return fitColumns<FilesystemRow>(
		[
			{header: 'MOUNTED ON', width: 16, flex: true, value: (f) => sanitizeLine(f.mount)},
			{header: 'SIZE', width: 5, align: 'right', value: (f) => dfHuman(f.sizeBytes)},
			{header: 'USED', width: 5, align: 'right', value: (f) => dfHuman(f.usedBytes)},
			{header: 'AVAIL', width: 5, align: 'right', value: (f) => dfHuman(f.availBytes)},
			{header: 'USE%', width: 4, align: 'right', value: (f) => percent(f.usedPercent)},
			{header: 'IUSE%', width: 5, align: 'right', value: (f) => percent(f.inodesUsedPercent)},
			{header: 'TYPE', width: 8, optional: true, value: (f) => sanitizeLine(f.fstype)},
			{header: 'FILESYSTEM', width: 14, optional: true, value: (f) => sanitizeLine(f.device)},
		],
		width,
	);
}

const heading = (key: string, text: string, width: number): PanelLine => ({
	key,
	text: fitWidth(text, width),
	tone: 'dim',
});

function pvcLines(data: DiskData, width: number): PanelLine[] {
	if (data.pvcs === null)
		return data.pvcsError
			? [heading('pvc:error', `PVCs: ${sanitizeLine(data.pvcsError)}`, width)]
			: [];
	const pvcs = data.pvcs.toSorted((a, b) => b.usedPercent - a.usedPercent);
	const lines = [heading('pvc:heading', `PersistentVolumeClaims (${pvcs.length})`, width)];
	for (const pvc of pvcs) lines.push(pvcLine(pvc, width));
	return lines;
}

function pvcLine(pvc: PvcUsage, width: number): PanelLine {
	const name = `${sanitizeLine(pvc.namespace)}/${sanitizeLine(pvc.name)}`;
	const numbers = `${dfHuman(pvc.usedBytes)}/${dfHuman(pvc.capacityBytes)} ${pvc.usedPercent}%`;
	const room = Math.max(1, width - numbers.length - 3);
	return {
		key: `pvc:${pvc.namespace}/${pvc.name}`,
		text: fitWidth(`  ${fitWidth(name, room)} ${numbers}`, width),
		tone: percentTone(pvc.usedPercent),
		match: `pvc ${pvc.namespace} ${pvc.name}`,
		selection: {
			kind: 'pvc',
			ref: {namespace: pvc.namespace, name: pvc.name},
			capacityBytes: pvc.capacityBytes,
		},
	};
}

function directoryLines(data: DiskData, context: PanelContext, width: number): PanelLine[] {
	if (data.directories === null)
		return [heading('dirs:measuring', 'Largest directories: measuring…', width)];
	return data.directories.flatMap((scan) => {
		const state = scan.error
			? `cannot read: ${sanitizeLine(scan.error)}`
			: `${scan.complete ? '' : 'partial, time budget reached · '}${formatAge(context.now - scan.measuredAt)} ago`;
		return [
			heading(`dirs:${scan.root}`, `Largest under ${sanitizeLine(scan.root)} (${state})`, width),
			...scan.largest.map((dir) => {
				const size = dfHuman(dir.bytes).padStart(5);
				return {
					key: `dir:${dir.path}`,
					text: fitWidth(`  ${size}  ${sanitizeLine(dir.path)}`, width),
					match: dir.path,
				};
			}),
		];
	});
}

function rotatedLine(data: DiskData, width: number): PanelLine[] {
	const logs = data.rotatedLogs;
	if (!logs) return [];
	const where = `*.gz older than ${logs.olderThanDays} days under ${sanitizeLine(logs.root)}`;
	const text = logs.error
		? `Rotated logs (${where}): cannot read: ${sanitizeLine(logs.error)}`
		: `Rotated logs: ${logs.count} ${where}, ${formatBytes(logs.bytes)}${logs.complete ? '' : ' (partial)'}`;
	return [
		{
			key: 'rotated',
			text: fitWidth(text, width),
			tone: logs.count > 0 ? 'warn' : 'dim',
			match: `rotated logs gz ${logs.root}`,
			selection: {kind: 'rotated-logs', root: logs.root},
		},
	];
}

/** The runbook's disk checks in one view: `df -h` and `df -i`, PVC use, `du … | sort -rh`, old *.gz. */
export const diskPanel: PanelDefinition = {
	id: 'disk',
	title: 'Disk',
	sources: ['disk'],
	view(context, width) {
		const data = dataOf(context, 'disk');
		const columns = filesystemColumns(width);
		if (!data) return {summary: '', lines: [], empty: 'measuring…', header: formatHeader(columns)};
		const full = fullFilesystems(data);
		const pvcsFull = (data.pvcs ?? []).filter((p) => p.usedPercent >= diskWarnPercent);
		const lines: PanelLine[] = [
			...data.filesystems.map((f) => ({
				key: `fs:${f.mount}`,
				text: formatRow(columns, f),
				tone: percentTone(f.usedPercent, f.inodesUsedPercent),
				match: `${f.mount} ${f.device} ${f.fstype}`,
			})),
			...(data.unreadable ?? []).map(
				(u): PanelLine => ({
					key: `fs-unreadable:${u.mount}`,
					text: fitWidth(`✗ ${sanitizeLine(u.mount)}: ${sanitizeLine(u.reason)}`, width),
					tone: 'error',
					match: u.mount,
				}),
			),
			...pvcLines(data, width),
			...rotatedLine(data, width),
			...directoryLines(data, context, width),
		];
		const worst = [...full.map((f) => f.usedPercent ?? 0), ...pvcsFull.map((p) => p.usedPercent)];
		return {
			summary: `${full.length} of ${data.filesystems.length} filesystems ≥ ${diskWarnPercent}%${data.pvcs ? ` · ${pvcsFull.length} PVCs ≥ ${diskWarnPercent}%` : ''}`,
			summaryTone: worst.some((p) => p >= diskUrgentPercent)
				? 'error'
				: worst.length > 0
					? 'warn'
					: 'ok',
			header: formatHeader(columns),
			lines,
			empty: 'no filesystems',
		};
	},
};
