import {Store} from '../../source/engine/store.ts';
import type {PodRow, SourceDataMap} from '../../source/model/index.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import type {PanelContext, PanelDefinition} from '../../source/ui/panels/panel.ts';

/** A panel's view of some sources' data at a width, as the app would compute it this frame. */
export function panelView(
	panel: PanelDefinition,
	data: Partial<SourceDataMap>,
	options: {now?: number; width?: number} & Partial<
		Pick<PanelContext, 'problemsOnly' | 'topSort'>
	> = {},
) {
	const now = options.now ?? Date.now();
	const store = new Store();
	for (const [id, value] of Object.entries(data)) store.setData(id as never, value as never, now);
	store.flush();
	const view = panel.view(
		{
			store: store.getSnapshot(),
			timeline: new Timeline({author: null}).getSnapshot(),
			now,
			problemsOnly: options.problemsOnly ?? true,
			topSort: options.topSort ?? 'cpu',
		},
		options.width ?? 160,
	);
	store.dispose();
	return view;
}

/** A Running, ready pod row with the given fields changed. */
export function podRow(name: string, fields: Partial<PodRow> = {}): PodRow {
	return {
		namespace: 'shop',
		name,
		status: 'Running',
		ready: '1/1',
		restarts: 0,
		lastRestartAt: null,
		node: 'n1',
		createdAt: 0,
		deployment: null,
		...fields,
	};
}
