// What `kubectl top pods` would show in the demo: each deployment has a
// steady use, and the incident's API pods climb towards their memory limit
// as the pressure rises (the connection pool fills, requests pile up).
import type {PodRow} from '../model/index.ts';
import {incidentDeployment} from './interventions.ts';
import {hash, wobble} from './noise.ts';

const mi = 2 ** 20;
/** Every demo container runs with these limits, as many charts default to. */
const cpuLimitMillicores = 1000;
const memoryLimitBytes = 512 * mi;

/** The row with use and limit percentages; pods that do not run have no metrics. */
export function withUsage(row: PodRow, pressure: number, t: number): PodRow {
	if (row.status !== 'Running') return row;
	const seed = hash(row.deployment ?? row.name);
	const incident =
		row.namespace === incidentDeployment.namespace && row.deployment === incidentDeployment.name;
	const cpuBase = 80 + (seed % 400);
	const memoryBase = (96 + (seed % 192)) * mi;
	const cpu = Math.max(
		1,
		Math.round(
			cpuBase * (1 + 0.15 * wobble(`top-cpu:${row.name}`, t)) + (incident ? 520 * pressure : 0),
		),
	);
	const memory = Math.round(
		memoryBase * (1 + 0.05 * wobble(`top-mem:${row.name}`, t, 11)) +
			(incident ? 300 * mi * pressure : 0),
	);
	return {
		...row,
		cpuMillicores: cpu,
		memoryBytes: memory,
		cpuLimitPercent: Math.round((cpu / cpuLimitMillicores) * 100),
		memoryLimitPercent: Math.round((memory / memoryLimitBytes) * 100),
	};
}
