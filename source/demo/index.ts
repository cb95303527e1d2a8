export type {DemoIncident} from './incident.ts';
export {demoIncident} from './incident.ts';
export type {Intervention} from './interventions.ts';
export {incidentDeployment} from './interventions.ts';
export {demoPodLogs} from './logs.ts';
export {demoMitigations} from './mitigations.ts';
export {demoLatencyMs, demoSources} from './sources.ts';
export type {DemoWorldOptions, InterventionResult} from './world.ts';
export {DemoWorld} from './world.ts';
