import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import type {PodRef} from '../../actions/mitigations.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import {type LogView, useServices} from '../services.ts';
import {Toned} from './tone.tsx';

/** Repaints at most this often however fast the pod writes. */
const repaintMs = 100;

function tone(line: string) {
	if (/\b(ERROR|FATAL|PANIC)\b/i.test(line)) return 'error' as const;
	if (/\bWARN(ING)?\b/i.test(line)) return 'warn' as const;
	return undefined;
}

/** The selected pod's log, `kubectl logs --tail=100 -f [--previous]`, newest at the bottom. */
export function LogsOverlay({
	pod,
	previous,
	width,
	height,
}: {
	pod: PodRef;
	previous: boolean;
	width: number;
	height: number;
}) {
	const {podLogs} = useServices();
	const [view, setView] = useState<LogView | null>(null);
	const [, repaint] = useState(0);
	useEffect(() => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const opened =
			podLogs?.(pod, previous, () => {
				timer ??= setTimeout(() => {
					timer = undefined;
					repaint((n) => n + 1);
				}, repaintMs);
			}) ?? null;
		setView(opened);
		return () => {
			clearTimeout(timer);
			opened?.stop();
		};
	}, [podLogs, pod, previous]);

	const shown = (view?.lines ?? []).slice(-Math.max(1, height - 2));
	const state = !view
		? 'logs are not available here'
		: view.error
			? `error · ${sanitizeLine(view.error)}`
			: view.ended
				? 'ended'
				: 'following';
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate" bold>
				{fitWidth(
					`Logs ${sanitizeLine(pod.namespace)}/${sanitizeLine(pod.name)}${previous ? ' (previous container)' : ''} · ${state}`,
					width,
				)}
			</Text>
			{shown.map((line, i) => (
				// Lines have no identity of their own; their position from the end is stable enough here.
				// biome-ignore lint/suspicious/noArrayIndexKey: see above
				<Toned key={i} tone={tone(line)}>
					{fitWidth(sanitizeLine(line), width)}
				</Toned>
			))}
		</Box>
	);
}
