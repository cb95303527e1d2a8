import {describe, expect, it} from 'vitest';
import {escalation} from '../../source/timeline/escalation.ts';
import type {Incident} from '../../source/timeline/incident.ts';
import {responseTimeLeft} from '../../source/timeline/severity.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
const contacts = {
	oncall: '@oncall',
	platformLead: '@platform-lead',
	cto: '@cto',
	securityLead: '@security-lead',
};
const incident: Incident = {
	id: 'x',
	title: 'API 500 errors spike',
	severity: 'P1',
	status: 'investigating',
	owner: null,
	startedAt: start,
};
const at = (minutes: number, seconds = 0) => start + minutes * 60_000 + seconds * 1000;

describe('escalation path (fake time)', () => {
	it('on-call first, platform lead from 15 min, CTO from 30 min', () => {
		expect(escalation(incident, at(0), contacts)).toEqual({
			current: '@oncall',
			next: {contact: '@platform-lead', inMs: 15 * 60_000},
		});
		expect(escalation(incident, at(14, 59), contacts)?.next).toEqual({
			contact: '@platform-lead',
			inMs: 1000,
		});
		expect(escalation(incident, at(15), contacts)).toEqual({
			current: '@platform-lead',
			next: {contact: '@cto', inMs: 15 * 60_000},
		});
		expect(escalation(incident, at(30), contacts)).toEqual({current: '@cto', next: null});
	});
	it('a security incident goes to the CTO at once; a resolved one stops escalating', () => {
		expect(escalation({...incident, title: 'Security breach on api'}, at(1), contacts)).toEqual({
			current: '@cto + @security-lead',
			next: null,
		});
		expect(escalation({...incident, status: 'resolved'}, at(40), contacts)).toBeNull();
	});
	it('the response target counts down per severity and follows a severity change', () => {
		expect(responseTimeLeft('P1', start, at(10))).toBe(50 * 60_000);
		expect(responseTimeLeft('P0', start, at(10))).toBe(5 * 60_000);
		expect(responseTimeLeft('P2', start, at(10))).toBe(230 * 60_000);
	});
});
