import type {SourceDataMap} from '../../source/model/index.ts';

const minute = 60_000;

/** A small, hand-written world for component tests, relative to `now`. */
export function fixtureData(now: number): SourceDataMap {
	return {
		kubernetes: {
			context: 'prod-eu',
			namespace: null,
			nodes: [
				{
					name: 'node-a',
					ready: true,
					conditions: [],
					cpuPercent: 41,
					memoryPercent: 63,
					pods: 12,
					createdAt: now - 30 * 24 * 60 * minute,
				},
				{
					name: 'node-b',
					ready: false,
					conditions: ['MemoryPressure'],
					cpuPercent: null,
					memoryPercent: null,
					pods: 9,
					createdAt: now - 30 * 24 * 60 * minute,
				},
			],
			pods: [
				{
					namespace: 'business-onboarding',
					name: 'onboarding-api-7d9f8-abcde',
					status: 'CrashLoopBackOff',
					ready: '0/1',
					restarts: 7,
					lastRestartAt: now - 2 * minute,
					node: 'node-a',
					createdAt: now - 60 * minute,
					deployment: 'onboarding-api',
				},
				{
					namespace: 'business-onboarding',
					name: 'onboarding-api-7d9f8-fghij',
					status: 'Running',
					ready: '1/1',
					restarts: 0,
					lastRestartAt: null,
					node: 'node-a',
					createdAt: now - 60 * minute,
					deployment: 'onboarding-api',
				},
				{
					namespace: 'platform-observability',
					name: 'postgresql-0',
					status: 'Running',
					ready: '1/1',
					restarts: 0,
					lastRestartAt: null,
					node: 'node-b',
					createdAt: now - 600 * minute,
					deployment: null,
				},
				{
					namespace: 'payments',
					name: 'payments-worker-\u001b]0;pwned\u0007x',
					status: 'Pending',
					ready: '0/1',
					restarts: 0,
					lastRestartAt: null,
					node: null,
					createdAt: now - minute,
					deployment: 'payments-worker',
				},
			],
			events: [
				{
					namespace: 'business-onboarding',
					type: 'Warning',
					reason: 'BackOff',
					object: 'pod/onboarding-api-7d9f8-abcde',
					message: 'Back-off restarting failed container api',
					count: 14,
					lastSeenAt: now - 10_000,
				},
				{
					namespace: 'business-onboarding',
					type: 'Normal',
					reason: 'Pulled',
					object: 'pod/onboarding-api-7d9f8-fghij',
					message: 'Container image already present',
					count: 1,
					lastSeenAt: now - 5 * minute,
				},
			],
			deployments: [
				{
					namespace: 'business-onboarding',
					name: 'onboarding-api',
					desired: 3,
					ready: 1,
					updated: 3,
					available: 1,
					revision: 7,
					rollout: 'progressing',
					images: ['registry/onboarding-api:1.42.0'],
				},
				{
					namespace: 'payments',
					name: 'payments-worker',
					desired: 2,
					ready: 2,
					updated: 2,
					available: 2,
					revision: 3,
					rollout: 'complete',
					images: ['registry/payments-worker:3.1.0'],
				},
			],
		},
		prometheus: {
			threshold: 0.01,
			services: [
				{name: 'onboarding-api', errorRatio: 0.042, requestRate: 120, p99Seconds: 1.8},
				{name: 'payments-api', errorRatio: 0.001, requestRate: 40, p99Seconds: 0.12},
				{name: 'notifications-api', errorRatio: null, requestRate: null, p99Seconds: null},
			],
		},
		alerts: [
			{
				fingerprint: 'f1',
				name: 'OnboardingApiHighErrorRate',
				severity: 'critical',
				startsAt: now - 4 * minute,
				summary: '5xx ratio above 1 %',
				state: 'active',
				silenced: false,
				inhibited: false,
			},
		],
		health: [
			{name: 'api-gateway', ok: false, latencyMs: 5000, detail: 'timeout', certDaysLeft: null},
			{name: 'status-page', ok: true, latencyMs: 42, detail: '200', certDaysLeft: 60},
		],
		postgres: {
			connections: {
				total: 48,
				max: 50,
				byState: {active: 30, idle: 10, 'idle in transaction': 5, waiting: 3},
				byApplication: [{name: 'onboarding-api', count: 40}],
			},
			longQueries: [
				{
					pid: 4242,
					durationSeconds: 45,
					user: 'onboarding_user',
					application: 'onboarding-api',
					state: 'active',
					query: 'SELECT * FROM cases JOIN documents USING (case_id)',
				},
			],
			blocked: [
				{
					pid: 4243,
					blockedBy: [4242],
					waitSeconds: 12,
					query: 'UPDATE cases SET status = $1 WHERE id = $2',
				},
			],
			idleOver30m: 2,
		},
		redis: {
			pingMs: 0.8,
			connectedClients: 41,
			blockedClients: 0,
			usedMemoryBytes: 120 * 1024 * 1024,
			maxMemoryBytes: 1024 ** 3,
			evictedKeys: 0,
			opsPerSecond: 1200,
		},
		kafka: {
			groups: [
				{
					group: 'onboarding-workers',
					state: 'Stable',
					members: 3,
					lag: 1500,
					status: 'WARN',
					topics: [
						{
							topic: 'onboarding-events',
							lag: 1500,
							partitions: [{partition: 0, committed: 100, logEnd: 1600, lag: 1500}],
						},
					],
				},
				{group: 'billing', state: 'Stable', members: 1, lag: 0, status: 'OK', topics: []},
			],
			topics: [{name: 'onboarding-events', partitions: 3, underReplicated: 0}],
		},
		disk: {
			filesystems: [
				{
					mount: '/',
					device: '/dev/vda1',
					fstype: 'ext4',
					sizeBytes: 80 * 1024 ** 3,
					usedBytes: 70 * 1024 ** 3,
					availBytes: 6 * 1024 ** 3,
					usedPercent: 93,
					inodesUsedPercent: 40,
				},
				{
					mount: '/data',
					device: '/dev/vdb1',
					fstype: 'xfs',
					sizeBytes: 100 * 1024 ** 3,
					usedBytes: 20 * 1024 ** 3,
					availBytes: 80 * 1024 ** 3,
					usedPercent: 20,
					inodesUsedPercent: 3,
				},
			],
			directories: [
				{
					root: '/var/log',
					largest: [
						{path: '/var/log', bytes: 3 * 1024 ** 3},
						{path: '/var/log/nginx', bytes: 2 * 1024 ** 3},
					],
					complete: true,
					measuredAt: now - minute,
				},
			],
			rotatedLogs: {
				root: '/var/log',
				olderThanDays: 30,
				count: 12,
				bytes: 600 * 1024 ** 2,
				complete: true,
				measuredAt: now - minute,
			},
			pvcs: [
				{
					namespace: 'platform-observability',
					name: 'data-postgresql-0',
					usedBytes: 9 * 1024 ** 3,
					capacityBytes: 10 * 1024 ** 3,
					usedPercent: 90,
				},
			],
		},
	};
}
