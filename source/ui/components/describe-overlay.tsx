import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import type {PodDescription} from '../../model/index.ts';
import {describeLines, type Throttling} from '../describe-view.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

/** Read again this often while open: one GET of one pod. */
const refreshMs = 5000;

/** `kubectl describe pod`: read fresh when opened, the events from the store's informer. */
export function DescribeOverlay({
	pod,
	scroll,
	width,
	height,
	now,
}: {
	pod: {readonly namespace: string; readonly name: string};
	scroll: number;
	width: number;
	height: number;
	now: number;
}) {
	const {describePod, podThrottling, store} = useServices();
	const [state, setState] = useState<{d: PodDescription | null; error: string | null}>({
		d: null,
		error: null,
	});
	const [throttling, setThrottling] = useState<Throttling>(null);
	useEffect(() => {
		const controller = new AbortController();
		const read = () => {
			describePod?.(pod, AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]))
				.then((d) => setState({d, error: null}))
				.catch((error: unknown) => {
					if (!controller.signal.aborted)
						setState((s) => ({
							d: s.d,
							error: error instanceof Error ? error.message : String(error),
						}));
				});
			podThrottling?.(pod, controller.signal)
				.then(setThrottling)
				.catch(() => setThrottling(null));
		};
		read();
		const timer = setInterval(read, refreshMs);
		return () => {
			clearInterval(timer);
			controller.abort();
		};
	}, [describePod, podThrottling, pod]);
	const slot = store.getSnapshot().slots.kubernetes;
	const events = slot.phase === 'not-configured' ? [] : (slot.data?.events ?? []);
	const lines = state.d
		? describeLines(state.d, events, throttling, now)
		: [{text: state.error ? '' : 'reading the pod…', tone: 'dim' as const}];
	const rows = Math.max(1, height - 1);
	const first = Math.max(0, Math.min(scroll, lines.length - rows));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>
				{fitWidth(
					`describe pod/${pod.name} -n ${pod.namespace}${state.error ? ` · ${sanitizeLine(state.error)}` : ''}`,
					width,
				)}
			</Text>
			{lines.slice(first, first + rows).map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: rows are positions on screen; their text changes in place
				<Toned key={`${first + i}`} tone={line.tone}>
					{fitWidth(line.text, width)}
				</Toned>
			))}
		</Box>
	);
}
