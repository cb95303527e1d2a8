import type {ShareConfig} from '../../config/schema-timeline.ts';
import type {Timeline} from '../timeline.ts';
import {shareConnection} from './connect.ts';
import {RedisPresence} from './redis-presence.ts';
import {type ShareStatus, StreamLink} from './stream-link.ts';

/** Sharing across hosts as the session holds it: the header reads it, close ends it. */
export interface Share {
	readonly status: () => ShareStatus;
	/** user@host of the responders on other hosts (and this host's, through Redis). */
	readonly others: () => readonly string[];
	stop(): Promise<void>;
}

/**
 * Opens the two connections (one for the blocking read, one for everything else) and
 * starts the stream link and presence. Never throws for Redis being away: that is a
 * state ("sharing: offline"). A `ca` file that cannot be read is a configuration error
 * and throws, with the path.
 */
export function openShare(
	config: ShareConfig,
	timeline: Timeline,
	who: string,
	scrub: (text: string) => string,
): Share {
	const writer = shareConnection(config, 'irtop-share');
	const reader = shareConnection(config, 'irtop-share-read', {blocking: true});
	const link = new StreamLink(writer, reader, timeline, {maxLength: config.maxLength, scrub});
	const presence = new RedisPresence(writer, who, timeline);
	link.start();
	presence.start();
	return {
		status: () => link.status(),
		others: presence.others,
		async stop() {
			// The leave the presence just recorded, and anything else still in the outbox.
			await link.drain(1000);
			link.stop();
			await presence.stop();
			reader.disconnect();
			writer.disconnect();
		},
	};
}
