import type {Severity} from './severity.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export interface Incident {
	readonly id: string;
	readonly title: string;
	readonly severity: Severity;
	readonly status: IncidentStatus;
	readonly owner: string | null;
	readonly startedAt: number;
}

/** The status after `status` in the runbook's order; resolved stays resolved. */
export function nextStatus(status: IncidentStatus): IncidentStatus {
	const index = incidentStatuses.indexOf(status);
	return incidentStatuses[Math.min(index + 1, incidentStatuses.length - 1)] ?? status;
}

/** A sortable, filename-safe id: the start time in UTC plus a short random suffix. */
export function newIncidentId(startedAt: number, random: () => number = Math.random): string {
	const stamp = new Date(startedAt).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
	const suffix = Math.floor(random() * 36 ** 4)
		.toString(36)
		.padStart(4, '0');
	return `${stamp}Z-${suffix}`;
}
