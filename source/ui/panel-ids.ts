/** The nine panels of the grid, in focus order (number keys 1–9 and Tab follow it). */
export const gridPanelIds = [
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

/** Views opened by name (`:top`, `:certs`): shown over the whole body, Esc goes back. */
export const viewPanelIds = ['top', 'certs', 'disk', 'search', 'runbook'] as const;

export const panelIds = [...gridPanelIds, ...viewPanelIds] as const;

export type PanelId = (typeof panelIds)[number];
export type GridPanelId = (typeof gridPanelIds)[number];

export function isGridPanel(id: PanelId): id is GridPanelId {
	return (gridPanelIds as readonly string[]).includes(id);
}

/** Names the `:` prompt accepts for each panel; the first is the canonical one. */
export const panelAliases: Readonly<Record<PanelId, readonly string[]>> = {
	errors: ['errors', 'prometheus', 'rates'],
	alerts: ['alerts', 'health'],
	pods: ['pods', 'po'],
	deployments: [
		'deploy',
		'deployments',
		'deployment',
		'sts',
		'statefulsets',
		'ds',
		'daemonsets',
		'workloads',
	],
	events: ['events', 'ev'],
	nodes: ['nodes', 'no'],
	db: ['db', 'postgres', 'pg', 'redis'],
	kafka: ['kafka', 'lag', 'groups'],
	timeline: ['timeline', 'notes'],
	top: ['top'],
	certs: ['certs', 'certificates', 'cert'],
	disk: ['disk', 'df', 'pvc', 'pvcs'],

	search: ['search', 'logsearch', 'es', 'elasticsearch'],
	runbook: ['runbook', 'rb', 'steps'],
};

export function isPanelId(value: string): value is PanelId {
	return (panelIds as readonly string[]).includes(value);
}
