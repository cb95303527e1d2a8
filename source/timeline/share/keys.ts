/**
 * The Redis keys of sharing (docs/configuration.md, "Sharing across hosts"). An incident's
 * keys share one hash tag, `{ID}`, so the add script touches one slot (Redis Cluster too).
 *
 * - `irtop:{ID}:events`: the stream, one entry per event, capped `MAXLEN ~ maxLength`.
 * - `irtop:{ID}:ids`: a hash of every event id ever added → its time: the add is skipped
 *   for an id already there (unless the new copy is earlier), so two responders (or a
 *   re-seed) never put one event twice, and an event the cap trimmed is not re-sent.
 * - `irtop:{ID}:gen`: a random token made by the first add: a FLUSHALL or a restart
 *   without persistence loses it, and a responder that sees another re-seeds the stream.
 * - `irtop:{ID}:presence`: a hash, responder → heartbeat expiry (ms); the key expires too.
 * - `irtop:{ID}:meta`: the index entry `irtop join` lists (title, severity, …).
 * - `irtop:incidents`: the set of incident ids with an index entry.
 */
export const shareKeys = (incidentId: string) => ({
	events: `irtop:{${incidentId}}:events`,
	ids: `irtop:{${incidentId}}:ids`,
	presence: `irtop:{${incidentId}}:presence`,
	meta: `irtop:{${incidentId}}:meta`,
});

export const incidentsKey = 'irtop:incidents';
