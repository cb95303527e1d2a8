import type {LogQuery} from '../model/index.ts';

/** The runbook's own search: level ERROR, the last hour, every namespace, no free text. */
export const runbookLogQuery: LogQuery = {text: '', namespace: null, app: null, pod: null};

export function isRunbookLogQuery(query: LogQuery): boolean {
	return (
		query.text.trim() === '' && query.namespace === null && query.app === null && query.pod === null
	);
}

/** What the view's title says the hits answer: "ERROR 1h · app business-onboarding/onboarding-api · "timeout"". */
export function describeLogQuery(query: LogQuery): string {
	const parts = ['ERROR 1h'];
	const ns = query.namespace ? `${query.namespace}/` : '';
	if (query.pod) parts.push(`pod ${ns}${query.pod}`);
	else if (query.app) parts.push(`app ${ns}${query.app}`);
	else if (query.namespace) parts.push(`ns ${query.namespace}`);
	if (query.text.trim() !== '') parts.push(`"${query.text.trim()}"`);
	return parts.join(' · ');
}
