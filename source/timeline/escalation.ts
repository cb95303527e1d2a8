import type {Incident} from './incident.ts';

export interface EscalationContacts {
	readonly oncall: string;
	readonly platformLead: string;
	readonly cto: string;
	readonly securityLead: string;
}

export interface EscalationState {
	/** Who should be on it now. */
	readonly current: string;
	/** The next step and when it is due, or null at the end of the path. */
	readonly next: {readonly contact: string; readonly inMs: number} | null;
}

const minute = 60_000;

/** The runbook names a security incident as the one that goes to the CTO at once. */
export function isSecurityIncident(incident: Incident): boolean {
	return /\b(security|breach|compromise[ds]?|intrusion)\b/i.test(incident.title);
}

/**
 * The runbook's escalation path: on-call 0–15 min, platform lead from 15,
 * CTO from 30 min, or at once (with the security lead) for a security incident.
 * A resolved incident escalates no further.
 */
export function escalation(
	incident: Incident,
	now: number,
	contacts: EscalationContacts,
): EscalationState | null {
	if (incident.status === 'resolved') return null;
	const elapsed = now - incident.startedAt;
	if (isSecurityIncident(incident))
		return {current: `${contacts.cto} + ${contacts.securityLead}`, next: null};
	if (elapsed < 15 * minute)
		return {
			current: contacts.oncall,
			next: {contact: contacts.platformLead, inMs: 15 * minute - elapsed},
		};
	if (elapsed < 30 * minute)
		return {
			current: contacts.platformLead,
			next: {contact: contacts.cto, inMs: 30 * minute - elapsed},
		};
	return {current: contacts.cto, next: null};
}
