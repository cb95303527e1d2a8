// What a scenario receives and is. Kubernetes scenarios (servers/
// kubernetes-scenarios.ts, exported as `kubernetesScenarios`) follow the same
// shape: a record from scenario name to a function, or to {run, description}.
import type {ProcessRecord} from './process.ts';
import type {LabContext} from './server.ts';
import type {LabState} from './state.ts';

export interface ScenarioContext extends LabContext {
	/** The running lab (ports, endpoints, credentials). */
	readonly state: LabState;
	/** Arguments after the scenario name, e.g. `error-spike payments-api`. */
	readonly args: readonly string[];
	/** Starts a detached helper (a Node script) that lab:down and reset will stop. */
	spawnHelper(scenario: string, script: string, args: readonly string[]): Promise<ProcessRecord>;
	/** Waits until check() passes; fails at once, quoting the helper's log, if the helper dies. */
	waitForHelper(
		scenario: string,
		helper: ProcessRecord,
		check: () => Promise<boolean>,
	): Promise<void>;
	/** Stops the helpers a scenario started (all when omitted). */
	stopHelpers(scenario?: string): Promise<void>;
}

export type ScenarioRun = (ctx: ScenarioContext) => Promise<void>;

export interface Scenario {
	readonly description: string;
	/** Servers the scenario needs running. */
	readonly needs: readonly string[];
	readonly run: ScenarioRun;
	/** Undoes the scenario (called by `reset`). */
	readonly reset?: ScenarioRun;
}

export type ScenarioSet = Readonly<Record<string, Scenario>>;
