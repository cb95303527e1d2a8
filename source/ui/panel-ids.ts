/** The nine panels, in focus order (number keys 1–9 follow it). */
export const panelIds = [
	'errors',
	'alerts',
	'pods',
	'deployments',
	'events',
	'nodes',
	'db',
	'kafka',
	'timeline',
] as const;

export type PanelId = (typeof panelIds)[number];

/** Names the `:` prompt accepts for each panel; the first is the canonical one. */
export const panelAliases: Readonly<Record<PanelId, readonly string[]>> = {
	errors: ['errors', 'prometheus', 'rates'],
	alerts: ['alerts', 'health'],
	pods: ['pods', 'po'],
	deployments: ['deploy', 'deployments', 'deployment'],
	events: ['events', 'ev'],
	nodes: ['nodes', 'no'],
	db: ['db', 'postgres', 'pg', 'redis'],
	kafka: ['kafka', 'lag', 'groups'],
	timeline: ['timeline', 'notes'],
};

export function isPanelId(value: string): value is PanelId {
	return (panelIds as readonly string[]).includes(value);
}
