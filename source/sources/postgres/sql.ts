/**
 * The panel's SQL: three statements per refresh on one connection. Client
 * backends only, as pg_stat_activity counts connections (background workers
 * do not take a max_connections slot a client could use).
 */

// One row per (state, application, user); a lock wait counts as "waiting", not "active".
export const connectionsSql = `
SELECT CASE WHEN state = 'active' AND wait_event_type = 'Lock' THEN 'waiting'
            ELSE coalesce(state, 'unknown') END AS state,
       coalesce(application_name, '') AS app,
       coalesce(usename, '') AS usr,
       count(*)::int AS n,
       (count(*) FILTER (WHERE state = 'idle'
          AND state_change < now() - $1::float8 * interval '1 minute'))::int AS idle_old,
       current_setting('max_connections')::int AS max,
       s.pending_restart AS pending, s.source AS max_source,
       (extract(epoch FROM pg_postmaster_start_time()) * 1000)::float8 AS started_ms
  FROM pg_stat_activity
 CROSS JOIN (SELECT pending_restart, source FROM pg_settings
              WHERE name = 'max_connections') s
 WHERE backend_type = 'client backend'
 GROUP BY 1, 2, 3, s.pending_restart, s.source`;

// The runbook's slow-query check (now() - query_start > 5 s), not counting lock waits.
export const longQueriesSql = `
SELECT pid, extract(epoch FROM now() - query_start)::float8 AS seconds,
       coalesce(usename, '') AS usr, coalesce(application_name, '') AS app,
       coalesce(state, '') AS state, left(query, 2000) AS query
  FROM pg_stat_activity
 WHERE backend_type = 'client backend'
   AND state NOT IN ('idle')
   AND coalesce(wait_event_type, '') <> 'Lock'
   AND query_start < now() - $1::float8 * interval '1 second'
   AND pid <> pg_backend_pid()
 ORDER BY query_start
 LIMIT 100`;

// pg_blocking_pids only for backends waiting on a lock, so 1,000 granted locks cost nothing.
export const blockedSql = `
SELECT a.pid, pg_blocking_pids(a.pid) AS blocked_by,
       extract(epoch FROM now() - coalesce(w.since, a.state_change))::float8 AS seconds,
       left(a.query, 2000) AS query
  FROM pg_stat_activity a
  LEFT JOIN LATERAL (SELECT min(waitstart) AS since FROM pg_locks l
                      WHERE l.pid = a.pid AND NOT l.granted) w ON true
 WHERE a.wait_event_type = 'Lock'
 ORDER BY seconds DESC
 LIMIT 200`;

// Checked once per connection: signalling other roles' backends needs pg_signal_backend.
export const permissionSql = `
SELECT r.rolsuper AS superuser,
       pg_has_role(current_user, 'pg_signal_backend', 'MEMBER') AS signal,
       current_user AS usr,
       current_setting('server_version_num')::int AS version,
       has_function_privilege('pg_reload_conf()', 'EXECUTE') AS reload
  FROM pg_roles r WHERE r.rolname = current_user`;

// PostgreSQL 15+ only (the function does not exist before): GRANT ALTER SYSTEM ON PARAMETER.
export const alterSystemGrantSql = `SELECT has_parameter_privilege('max_connections', 'ALTER SYSTEM') AS granted`;

/**
 * The runbook's statement. ALTER SYSTEM cannot run in a transaction block: it
 * is sent alone, without parameters (the simple query protocol, autocommit).
 */
export const alterMaxConnectionsSql = (value: number) => {
	if (!Number.isSafeInteger(value) || value < 1)
		throw new RangeError('max_connections must be a whole number ≥ 1');
	return `ALTER SYSTEM SET max_connections = ${value}`;
};
// So pg_settings.pending_restart says the file now differs from the running value.
export const reloadConfSql = 'SELECT pg_reload_conf()';

export const cancelSql = (pid: number) => `SELECT pg_cancel_backend(${pid});`;
export const terminateSql = (pid: number) => `SELECT pg_terminate_backend(${pid});`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

// The runbook's statement, with the age as a parameter; optionally only one application's pool.
export const terminateIdleSql = (minutes: number, application?: string) =>
	`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < current_timestamp - INTERVAL '${minutes} minutes'${application === undefined ? '' : ` AND application_name = ${literal(application)}`};`;
