import type {Severity} from '../timeline/severity.ts';

export interface DemoIncident {
	readonly title: string;
	readonly severity: Severity;
	readonly owner: string;
}

/** The runbook's own example incident, as its Slack update names it. */
export const demoIncident: DemoIncident = {
	title: 'API 500 errors spike',
	severity: 'P1',
	owner: '@oncall-engineer',
};
