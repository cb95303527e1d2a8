import type {CommandId} from './commands.ts';
import type {LogsOverlay, Overlay, UiEvent} from './state.ts';

/**
 * What a key does in the log view, as a UI event: pure, so the behaviour
 * (scrolling up pauses, Esc clears a search before it closes) is the same
 * in tests as on screen. Scrolling is relative, so three presses arriving
 * in one chunk scroll three lines. Undefined: not a log command.
 */
export function logsEvent(
	command: CommandId,
	logs: LogsOverlay,
	page: number,
): UiEvent | undefined {
	const overlay = (next: Overlay): UiEvent => ({type: 'overlay', overlay: next});
	const scroll = (by: number): UiEvent => ({type: 'logs-scroll-by', by});
	switch (command) {
		case 'logs-previous':
			return overlay({...logs, previous: !logs.previous, paused: false, scroll: 0});
		case 'logs-search':
			return overlay({...logs, searching: true});
		case 'logs-pause':
			return overlay(logs.paused ? {...logs, paused: false, scroll: 0} : {...logs, paused: true});
		case 'logs-up':
			return scroll(1);
		case 'logs-down':
			return scroll(-1);
		case 'logs-page-up':
			return scroll(page);
		case 'logs-page-down':
			return scroll(-page);
		case 'logs-follow':
			return overlay({...logs, paused: false, scroll: 0});
		case 'logs-close':
			return overlay(logs.search !== '' ? {...logs, search: '', scroll: 0} : {kind: 'none'});
		default:
			return undefined;
	}
}
