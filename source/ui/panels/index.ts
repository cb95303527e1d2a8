import type {PanelId} from '../panel-ids.ts';
import {alertsPanel} from './alerts.ts';
import {certsPanel} from './certs.ts';
import {dbPanel} from './db.ts';
import {deploymentsPanel} from './deployments.ts';
import {diskPanel} from './disk.ts';
import {errorsPanel} from './errors.ts';
import {eventsPanel} from './events.ts';
import {kafkaPanel} from './kafka.ts';
import {nodesPanel} from './nodes.ts';
import type {PanelDefinition} from './panel.ts';
import {podsPanel} from './pods.ts';
import {runbookPanel} from './runbook.ts';
import {searchPanel} from './search.ts';
import {timelinePanel} from './timeline.ts';
import {topPanel} from './top.ts';

export const panels: Readonly<Record<PanelId, PanelDefinition>> = {
	errors: errorsPanel,
	alerts: alertsPanel,
	pods: podsPanel,
	deployments: deploymentsPanel,
	events: eventsPanel,
	nodes: nodesPanel,
	db: dbPanel,
	kafka: kafkaPanel,
	timeline: timelinePanel,
	top: topPanel,
	certs: certsPanel,
	disk: diskPanel,

	search: searchPanel,
	runbook: runbookPanel,
};
