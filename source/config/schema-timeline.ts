import {z} from 'zod';
import {nonEmpty} from './fields.ts';

/**
 * Where the incident timeline lives (issue 14). `dir`: a journal directory several
 * Unix users share (group-writable, setgid; docs/configuration.md). Sharing across
 * hosts (`share`, a Redis stream per incident) is not built yet, so it is not accepted.
 */
export const timelineSchema = z.strictObject({
	dir: nonEmpty().optional(),
});
