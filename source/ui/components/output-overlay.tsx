import {Box, Text} from 'ink';
import {useEffect, useState, useSyncExternalStore} from 'react';
import {fitWidth} from '../../format/table.ts';
import {outputText} from '../output-lines.ts';
import {useServices} from '../services.ts';
import type {OutputSource} from '../state.ts';
import {Toned} from './tone.tsx';

const noRuns = () => () => {};
const nothing = () => 0;

/**
 * A configured action's output as it streams (or a check's last output),
 * newest at the bottom; `scroll` lines up from the newest. Esc detaches: a
 * running action keeps running and the status bar says so.
 */
export function OutputOverlay({
	source,
	scroll,
	width,
	height,
}: {
	source: OutputSource;
	scroll: number;
	width: number;
	height: number;
}) {
	const services = useServices();
	const runs = services.actionRuns;
	useSyncExternalStore(runs?.subscribe ?? noRuns, () => runs?.getSnapshot().version ?? nothing());
	useSyncExternalStore(services.store.subscribe, services.store.getSnapshot);
	// The elapsed seconds of a running action tick without new output.
	const [now, setNow] = useState(() => (services.now ?? Date.now)());
	useEffect(() => {
		const timer = setInterval(() => setNow((services.now ?? Date.now)()), 1000);
		return () => clearInterval(timer);
	}, [services.now]);
	const text = outputText(source, services, now);
	const rows = Math.max(1, height - 1);
	const end = Math.max(0, text.lines.length - scroll);
	const shown = text.lines.slice(Math.max(0, end - rows), end);
	const scrolled = scroll > 0 ? ` · ${scroll} up (G follows)` : '';
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate" bold>
				{fitWidth(`${text.title} · ${text.status}${scrolled}`, width)}
			</Text>
			{shown.map((line, i) => (
				<Toned
					// biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity; the window's position is stable enough
					key={i}
					tone={i === 0 && end - rows <= 0 && source.kind === 'run' ? 'accent' : undefined}
				>
					{fitWidth(line, width)}
				</Toned>
			))}
		</Box>
	);
}
