import type {Dispatch} from 'react';
import type {LogQuery} from '../model/index.ts';
import type {CommandId} from './commands.ts';
import {describeLogQuery, runbookLogQuery} from './log-query.ts';
import type {Target} from './mitigation-commands.ts';
import type {AppServices} from './services.ts';
import type {Overlay, UiEvent, UiState} from './state.ts';

const noStore = 'no log store: set logs.url in config.yaml or ELASTICSEARCH_URL';

/**
 * The Logs search view's keys: `/` asks the store (a query_string, not a
 * filter of the rows shown), E on a pod or a deployment narrows to it, `a`
 * goes back to the runbook's query. The store answers on its next poll, made
 * now; the view's title names the query its hits answer.
 */
export function searchCommands(
	ui: UiState,
	dispatch: Dispatch<UiEvent>,
	services: AppServices,
	target: Target,
) {
	const {logSearch} = services;
	const ask = (query: LogQuery) => {
		if (!logSearch) return;
		logSearch.set(query);
		services.refresh();
		dispatch({type: 'message', text: `searching ${describeLogQuery(query)}`, tone: 'dim'});
	};

	const run = (command: CommandId): boolean => {
		switch (command) {
			case 'search-query':
				if (!logSearch) dispatch({type: 'message', text: noStore, tone: 'warn'});
				else dispatch({type: 'overlay', overlay: {kind: 'filter', text: logSearch.current().text}});
				return true;
			case 'search-reset':
				if (!logSearch) dispatch({type: 'message', text: noStore, tone: 'warn'});
				else ask(runbookLogQuery);
				return true;
			case 'search-pod': {
				const pod = target('pod', logSearch, 'log search');
				if (!pod) return true;
				ask({text: '', namespace: pod.ref.namespace, app: null, pod: pod.ref.name});
				dispatch({type: 'focus', panel: 'search'});
				return true;
			}
			case 'search-deployment': {
				const d = target('deployment', logSearch, 'log search');
				if (!d) return true;
				// Fluent Bit's pods carry the deployment's app label (the runbook's convention).
				ask({text: '', namespace: d.ref.namespace, app: d.ref.name, pod: null});
				dispatch({type: 'focus', panel: 'search'});
				return true;
			}
			default:
				return false;
		}
	};

	/** Enter in the view's `/` prompt: the text goes to the store; the rows are not filtered by it. */
	const submit = (overlay: Overlay): boolean => {
		if (overlay.kind !== 'filter' || ui.focus !== 'search' || !logSearch) return false;
		dispatch({type: 'filter', text: ''});
		dispatch({type: 'overlay', overlay: {kind: 'none'}});
		ask({...logSearch.current(), text: overlay.text.trim()});
		return true;
	};

	return {run, submit};
}
