import {Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import type {Overlay} from '../state.ts';
import {Toned} from './tone.tsx';

const promptLabel = {
	replicas: 'replicas',
	memory: 'memory limit',
	'rate-limit': 'limit-rps',
	pvc: 'storage',
	'max-connections': 'max_connections',
} as const;

const incidentLabel = {severity: 'severity (P0-P3): ', incident: 'incident: ', title: 'title: '};

/** The one-line prompt of `:`, `/` and the scale input, drawn over the status bar. */
export function PromptLine({
	overlay,
	completions,
	width,
}: {
	overlay: Overlay;
	completions: readonly string[];
	width: number;
}) {
	if (overlay.kind === 'severity' || overlay.kind === 'incident' || overlay.kind === 'title') {
		const input = `${incidentLabel[overlay.kind]}${overlay.text}█`;
		const hint =
			overlay.kind === 'incident'
				? 'title [P0-P3] [@owner] · enter open'
				: 'enter accept · esc cancel';
		return (
			<Text wrap="truncate">
				<Text bold>{input}</Text>
				<Toned tone={overlay.error ? 'error' : 'dim'}>
					{fitWidth(`  ${overlay.error ?? hint}`, Math.max(0, width - input.length))}
				</Toned>
			</Text>
		);
	}
	if (overlay.kind === 'logs') {
		const input = `/${overlay.search}█`;
		return (
			<Text wrap="truncate">
				<Text bold>{input}</Text>
				<Toned tone="dim">
					{fitWidth('  search the log · enter keep · esc clear', Math.max(0, width - input.length))}
				</Toned>
			</Text>
		);
	}
	if (overlay.kind !== 'jump' && overlay.kind !== 'filter' && overlay.kind !== 'scale') return null;
	const prefix =
		overlay.kind === 'jump'
			? ':'
			: overlay.kind === 'filter'
				? '/'
				: `${promptLabel[overlay.purpose ?? 'replicas']} for ${overlay.workload ? `${overlay.workload.kind}/` : ''}${overlay.target.name} (now ${overlay.current}): `;
	const hint =
		overlay.kind === 'jump'
			? completions.join(' ')
			: overlay.kind === 'filter'
				? 'enter keep · esc clear'
				: 'enter accept · esc cancel';
	const input = `${prefix}${overlay.text}█`;
	const error = overlay.kind === 'scale' ? overlay.error : undefined;
	return (
		<Text wrap="truncate">
			<Text bold>{input}</Text>
			<Toned tone={error ? 'error' : 'dim'}>
				{fitWidth(`  ${error ?? hint}`, Math.max(0, width - input.length))}
			</Toned>
		</Text>
	);
}
