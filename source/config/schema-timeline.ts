import {z} from 'zod';
import {nonEmpty, positiveInt, urlOf} from './fields.ts';

/**
 * Where the incident timeline lives and whom it is shared with (issue 14).
 * `dir`: a journal directory several Unix users share (group-writable, setgid;
 * docs/configuration.md). `share.url`: a Redis (or Redis-compatible) server every
 * responder's irtop can reach; each incident is one stream there.
 */
export const timelineSchema = z.strictObject({
	dir: nonEmpty().optional(),
	share: z
		.strictObject({
			url: urlOf(['redis:', 'rediss:']).optional(),
			password: z.string().optional(),
			/** The stream's cap (`XADD … MAXLEN ~ N`): an incident rarely has more events. */
			maxLength: positiveInt().default(10_000),
		})
		.prefault({}),
});
