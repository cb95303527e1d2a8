import type {Config} from '../config/index.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {HealthCheckResult} from '../model/index.ts';

export interface CheckIo {
	readonly stdout: {write(text: string): unknown};
	readonly stderr: {write(text: string): unknown};
}

const pad = (text: string, width: number) => text.padEnd(width);

/** The table `irtop check` prints: one line per check, failures last in no particular way. */
export function checkTable(results: readonly HealthCheckResult[]): string {
	const name = Math.max(5, ...results.map((r) => r.name.length));
	const lines = [`${pad('CHECK', name)}  RESULT  LATENCY  DETAIL`];
	for (const r of results) {
		const latency = r.latencyMs === null ? '-' : `${Math.round(r.latencyMs)} ms`;
		const cert = r.certDaysLeft === null ? '' : ` · cert ${r.certDaysLeft} d`;
		lines.push(
			`${pad(sanitizeLine(r.name), name)}  ${pad(r.ok ? 'ok' : 'FAIL', 6)}  ${latency.padStart(7)}  ${sanitizeLine(r.detail, 200)}${cert}`,
		);
	}
	return `${lines.join('\n')}\n`;
}

/**
 * `irtop check [--json]`: every configured quick check at once, each under its
 * own deadline. Exit 0 when all pass, 1 naming each failure (for cron and CI),
 * 2 when there is nothing to check (a configuration error).
 */
export async function runCheck(config: Config, json: boolean, io: CheckIo): Promise<number> {
	const {quickChecks} = await import('../sources/health/backend-checks.ts');
	const {runCheck: runOne} = await import('../sources/health/check.ts');
	const checks = quickChecks(config);
	if (checks.length === 0) {
		io.stderr.write(
			'irtop: check: nothing is configured to check (add checks:, health:, postgres, redis, kafka, prometheus or alertmanager to the config)\n',
		);
		return 2;
	}
	const results = await Promise.all(checks.map((check) => runOne(check)));
	const failed = results.filter((r) => !r.ok);
	if (json) {
		io.stdout.write(`${JSON.stringify({ok: failed.length === 0, checks: results}, null, 2)}\n`);
	} else {
		io.stdout.write(checkTable(results));
	}
	if (failed.length > 0) {
		io.stderr.write(
			`irtop: check failed: ${failed.map((r) => `${sanitizeLine(r.name)} (${sanitizeLine(r.detail, 200)})`).join(', ')}\n`,
		);
		return 1;
	}
	return 0;
}
