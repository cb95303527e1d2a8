// The demo cluster: three VPS nodes, one of which the incident fills up.

export interface NodeSpec {
	readonly name: string;
	readonly ageDays: number;
	readonly cpuPercent: number;
	readonly memoryPercent: number;
	/** Extra CPU and memory percent at full incident pressure. */
	readonly cpuLoad: number;
	readonly memoryLoad: number;
}

export const nodeSpecs: readonly NodeSpec[] = [
	{name: 'prod-node-1', ageDays: 212, cpuPercent: 38, memoryPercent: 63, cpuLoad: 9, memoryLoad: 5},
	// Hosts the onboarding-api pod that starts OOMing, hence MemoryPressure.
	{
		name: 'prod-node-2',
		ageDays: 212,
		cpuPercent: 44,
		memoryPercent: 70,
		cpuLoad: 17,
		memoryLoad: 24,
	},
	{name: 'prod-node-3', ageDays: 97, cpuPercent: 31, memoryPercent: 58, cpuLoad: 7, memoryLoad: 4},
];

export const pressuredNode = 'prod-node-2';
