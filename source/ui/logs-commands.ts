import type {CommandId} from './commands.ts';
import {maxLogScroll} from './logs-view.ts';
import type {LogsOverlay, Overlay} from './state.ts';

/**
 * What a key does in the log view, as the next overlay: pure, so the
 * behaviour (scrolling up pauses, Esc clears a search before it closes)
 * is the same in tests as on screen. Undefined: not a log command.
 */
export function nextLogsOverlay(
	command: CommandId,
	logs: LogsOverlay,
	page: number,
): Overlay | undefined {
	const scrollTo = (scroll: number): LogsOverlay => {
		const clamped = Math.max(0, Math.min(maxLogScroll, scroll));
		// Scrolling up freezes the view; back at the bottom it follows again only on G.
		return {...logs, scroll: clamped, paused: logs.paused || clamped > 0};
	};
	switch (command) {
		case 'logs-previous':
			return {...logs, previous: !logs.previous, paused: false, scroll: 0};
		case 'logs-search':
			return {...logs, searching: true};
		case 'logs-pause':
			return logs.paused ? {...logs, paused: false, scroll: 0} : {...logs, paused: true};
		case 'logs-up':
			return scrollTo(logs.scroll + 1);
		case 'logs-down':
			return scrollTo(logs.scroll - 1);
		case 'logs-page-up':
			return scrollTo(logs.scroll + page);
		case 'logs-page-down':
			return scrollTo(logs.scroll - page);
		case 'logs-follow':
			return {...logs, paused: false, scroll: 0};
		case 'logs-close':
			return logs.search !== '' ? {...logs, search: '', scroll: 0} : {kind: 'none'};
		default:
			return undefined;
	}
}
