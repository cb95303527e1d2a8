/** The nine panel titles a user must see, written out so a renamed panel fails a test. */
export const panelTitles = [
	'Error rate',
	'Alerts & health',
	'Pods',
	'Deployments',
	'Events',
	'Nodes',
	'Postgres & Redis',
	'Kafka lag',
	'Timeline',
] as const;
