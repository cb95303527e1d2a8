// One pod as `kubectl describe pod` shows it: read on demand (one GET) when
// the describe view opens, because the informer's cache is slimmed of images,
// QoS class and container resources. Times are epoch ms.

export interface ContainerStateView {
	/** running, waiting or terminated; "unknown" when the kubelet has not said. */
	readonly state: 'running' | 'waiting' | 'terminated' | 'unknown';
	/** CrashLoopBackOff, OOMKilled, Error, Completed …; empty for running. */
	readonly reason: string;
	readonly message: string;
	readonly exitCode: number | null;
	readonly signal: number | null;
	readonly startedAt: number | null;
	readonly finishedAt: number | null;
}

export interface ContainerDescription {
	readonly name: string;
	readonly init: boolean;
	readonly image: string;
	readonly ready: boolean;
	readonly restarts: number;
	readonly state: ContainerStateView;
	/** The previous run's end: where an OOMKilled is seen once the container restarted. */
	readonly lastState: ContainerStateView | null;
	/** "cpu: 250m", "memory: 256Mi"; empty when none is set. */
	readonly requests: Readonly<Record<string, string>>;
	readonly limits: Readonly<Record<string, string>>;
}

export interface PodDescription {
	readonly namespace: string;
	readonly name: string;
	readonly node: string | null;
	readonly phase: string;
	readonly qosClass: string | null;
	readonly startedAt: number | null;
	/** "Controlled By": kind/name of the controller owner. */
	readonly controlledBy: string | null;
	readonly conditions: readonly {
		readonly type: string;
		readonly status: string;
		readonly reason: string;
		readonly message: string;
	}[];
	readonly containers: readonly ContainerDescription[];
}
