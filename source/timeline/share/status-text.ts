import {sanitizeLine} from '../../format/sanitize.ts';
import type {ShareStatus} from './stream-link.ts';

/**
 * The header's words: "sharing: online", "sharing: offline, 3 events to send"; `narrow`
 * (an 80-column terminal) says "3 to send", so presence still fits on the line after it.
 */
export function shareStatusText(status: ShareStatus, narrow = false): string {
	const plural = status.toSend === 1 ? '' : 's';
	const events = narrow ? `${status.toSend} to send` : `${status.toSend} event${plural} to send`;
	const skipped = status.skipped > 0 ? `, ${status.skipped} skipped` : '';
	// Why, on a wide terminal: a wrong password must not look like a slow network.
	const reason = !narrow && status.reason ? ` (${sanitizeLine(status.reason, 60)})` : '';
	// The count first: a long reason is what the line's end cuts.
	return `sharing: ${status.state}${status.toSend > 0 ? `, ${events}` : ''}${skipped}${reason}`;
}
