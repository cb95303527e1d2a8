import {Text} from 'ink';
import {useSyncExternalStore} from 'react';
import {fitWidth} from '../../format/table.ts';
import textWidth from '../../format/text-width.ts';
import {keysLabel} from '../help-view.ts';
import type {PanelId} from '../panel-ids.ts';
import {statusBarCommands} from '../resolve-key.ts';
import {useServices} from '../services.ts';
import type {UiState} from '../state.ts';
import {Toned} from './tone.tsx';

const gap = '  ';
const noRuns = () => () => {};

export interface Hint {
	readonly text: string;
	/** Shown whenever it fits at all (`? help`): the way to every other key. */
	readonly keep?: boolean;
}

/**
 * The status line in `width` cells: the message first (an action's outcome,
 * the API server's error), cut only to leave room for the kept hints; then
 * the other hints, in order (most specific first), while they fit whole.
 */
export function statusLine(
	message: string,
	hints: readonly Hint[],
	width: number,
): {readonly message: string; readonly hints: string} {
	const cost = (h: Hint) => textWidth(h.text) + gap.length;
	const kept = hints.filter((h) => h.keep).reduce((n, h) => n + cost(h), 0);
	const shownMessage =
		message === '' ? '' : fitWidth(message, Math.min(textWidth(message), width - kept));
	// Each hint costs a gap before it; with no message the first needs none.
	let budget = width - textWidth(shownMessage) + (shownMessage === '' ? gap.length : 0) - kept;
	if (budget < 0) return {message: shownMessage, hints: ''};
	let full = false;
	const shown = hints.filter((hint) => {
		if (hint.keep) return true;
		if (full || cost(hint) > budget) {
			full = true;
			return false;
		}
		budget -= cost(hint);
		return true;
	});
	return {message: shownMessage, hints: shown.map((h) => h.text).join(gap)};
}

export function StatusBar({ui, focus, width}: {ui: UiState; focus: PanelId; width: number}) {
	const {readOnly, mitigations, actionRuns} = useServices();
	useSyncExternalStore(actionRuns?.subscribe ?? noRuns, () => actionRuns?.getSnapshot() ?? null);
	// A detached configured action is still running: say so, first, until it ends.
	const running = ui.overlay.kind === 'output' ? [] : (actionRuns?.running() ?? []);
	const runningText =
		running.length === 0 ? '' : `⟳ ${running.map((r) => r.title).join(', ')} running (O shows it)`;
	const hints = statusBarCommands(ui.overlay, focus, readOnly)
		// ✗: the API server said no (SelfSubjectAccessReview); pressing it says why.
		.map((c) => {
			const denied = c.mitigation && mitigations.denied?.(c.mitigation);
			// Kept: the way to every key, and an open overlay's own keys (how to get out of it).
			const keep = c.id === 'help' || (ui.overlay.kind !== 'none' && c.scope !== 'global');
			return {text: `${keysLabel([c.keys[0]!])} ${denied ? '✗' : ''}${c.hint}`, keep};
		});
	const message = [runningText, ui.message?.text ?? ''].filter((t) => t !== '').join(' · ');
	const line = statusLine(message, hints, width);
	return (
		<Text wrap="truncate">
			{line.message !== '' && <Toned tone={ui.message?.tone}>{line.message}</Toned>}
			<Toned tone="dim">
				{line.message !== '' && line.hints !== '' ? `${gap}${line.hints}` : line.hints}
			</Toned>
		</Text>
	);
}
