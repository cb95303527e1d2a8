import {z} from 'zod';
import {nonEmpty, positiveInt, urlOf} from './fields.ts';

/**
 * Sharing across hosts (issue 14): one Redis stream per incident. `url` carries AUTH as
 * `redis://user:password@host:port` (the password is a secret: redacted like every `…url`),
 * `rediss://` for TLS with `ca` (a PEM file) when the server's certificate is not in the
 * system store. `maxLength`: the stream's cap (`XADD MAXLEN ~`), in events per incident.
 */
export const shareSchema = z.strictObject({
	url: urlOf(['redis:', 'rediss:'], true),
	ca: nonEmpty().optional(),
	maxLength: positiveInt().default(10_000),
});

export type ShareConfig = z.infer<typeof shareSchema>;

/**
 * Where the incident timeline lives (issue 14). `dir`: a journal directory several
 * Unix users share (group-writable, setgid; docs/configuration.md). `share`: the
 * timeline also goes through Redis, for responders on other hosts.
 */
export const timelineSchema = z.strictObject({
	dir: nonEmpty().optional(),
	share: shareSchema.optional(),
});
