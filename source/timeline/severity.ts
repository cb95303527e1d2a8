export const severities = ['P0', 'P1', 'P2', 'P3'] as const;
export type Severity = (typeof severities)[number];

const minute = 60_000;

/** The runbook's response time per severity level. */
export const responseTargetMs: Readonly<Record<Severity, number>> = {
	P0: 15 * minute,
	P1: 60 * minute,
	P2: 4 * 60 * minute,
	P3: 24 * 60 * minute,
};

export const responseTargetLabel: Readonly<Record<Severity, string>> = {
	P0: '< 15 min',
	P1: '< 1 h',
	P2: '< 4 h',
	P3: '< 1 day',
};

export function isSeverity(value: string): value is Severity {
	return (severities as readonly string[]).includes(value);
}

/** Milliseconds left until the response target; negative once it is missed. */
export function responseTimeLeft(severity: Severity, startedAt: number, now: number): number {
	return startedAt + responseTargetMs[severity] - now;
}
