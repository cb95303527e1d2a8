import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import type {DiskData} from '../../model/index.ts';
import {diskUrgentPercent, diskWarnPercent, fullFilesystems} from './disk.ts';
import type {PanelLine} from './panel.ts';

/** One line per filesystem or PVC at ≥ 85 %, for the Alerts & health strip (details in :disk). */
export function diskProblemLines(data: DiskData | null, width: number): PanelLine[] {
	if (!data) return [];
	const filesystems = fullFilesystems(data).map((f): PanelLine => {
		const blocks = f.usedPercent ?? 0;
		const inodes = f.inodesUsedPercent ?? 0;
		const what = blocks >= diskWarnPercent ? `${blocks}% used` : `${inodes}% inodes`;
		return {
			key: `disk:${f.mount}`,
			text: fitWidth(`⚠ disk ${sanitizeLine(f.mount)} ${what} (:disk)`, width),
			tone: Math.max(blocks, inodes) >= diskUrgentPercent ? 'error' : 'warn',
			match: `disk ${f.mount} ${f.device}`,
		};
	});
	const claims = (data.pvcs ?? [])
		.filter((p) => p.usedPercent >= diskWarnPercent)
		.map(
			(p): PanelLine => ({
				key: `pvc:${p.namespace}/${p.name}`,
				text: fitWidth(
					`⚠ pvc ${sanitizeLine(p.namespace)}/${sanitizeLine(p.name)} ${p.usedPercent}% used (:disk)`,
					width,
				),
				tone: p.usedPercent >= diskUrgentPercent ? 'error' : 'warn',
				match: `pvc ${p.namespace} ${p.name}`,
			}),
		);
	return [...filesystems, ...claims];
}
