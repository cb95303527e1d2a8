import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import {logWindow} from '../logs-view.ts';
import {type LogView, useServices} from '../services.ts';
import type {LogsOverlay as LogsState} from '../state.ts';
import {Toned} from './tone.tsx';

/** Repaints at most this often however fast the pod writes. */
const repaintMs = 100;

function tone(line: string) {
	if (/\b(ERROR|FATAL|PANIC)\b/i.test(line)) return 'error' as const;
	if (/\bWARN(ING)?\b/i.test(line)) return 'warn' as const;
	return undefined;
}

/**
 * The selected pod's log, `kubectl logs --tail=100 -f [--previous]`, newest
 * at the bottom. Paused, the view keeps the lines it had while the tail
 * goes on reading; `/` shows only the lines that contain the search.
 */
export function LogsOverlay({
	logs,
	width,
	height,
	onScrollClamped,
}: {
	logs: LogsState;
	width: number;
	height: number;
	/** The scroll asked for went past the oldest line: the state is told where it stopped. */
	onScrollClamped: (scroll: number) => void;
}) {
	const {pod, previous, paused} = logs;
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

	// Paused: a copy of the lines at that moment, and how many were read by then.
	const frozen = useRef<{lines: readonly string[]; received: number} | null>(null);
	if (!paused) frozen.current = null;
	else if (view && !frozen.current)
		frozen.current = {lines: [...view.lines], received: view.received};
	const lines = frozen.current?.lines ?? view?.lines ?? [];
	const rows = Math.max(1, height - 1);
	const window = logWindow(lines, logs.search, rows, logs.scroll);
	useEffect(() => {
		if (window.scroll !== logs.scroll) onScrollClamped(window.scroll);
	}, [window.scroll, logs.scroll, onScrollClamped]);

	const newer = frozen.current && view ? view.received - frozen.current.received : 0;
	const state = !view
		? 'logs are not available here'
		: view.error
			? `error · ${sanitizeLine(view.error)}`
			: paused
				? `paused${newer > 0 ? ` · ${newer} new line${newer === 1 ? '' : 's'}` : ''} · G follows`
				: view.ended
					? 'ended'
					: 'following';
	const search = logs.search
		? ` · /${sanitizeLine(logs.search)}: ${window.matching} of ${lines.length} lines`
		: '';
	const scrolled = window.scroll > 0 ? ` · ${window.scroll} up` : '';
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate" bold>
				{fitWidth(
					// What changes (following, paused, the search) first: a long pod name is cut, not it.
					`Logs · ${state}${search}${scrolled} · ${sanitizeLine(pod.namespace)}/${sanitizeLine(pod.name)}${previous ? ' (previous container)' : ''}`,
					width,
				)}
			</Text>
			{window.shown.map((line, i) => (
				// Lines have no identity of their own; their position in the window is stable enough here.
				// biome-ignore lint/suspicious/noArrayIndexKey: see above
				<Toned key={i} tone={tone(line)}>
					{fitWidth(sanitizeLine(line), width)}
				</Toned>
			))}
		</Box>
	);
}
