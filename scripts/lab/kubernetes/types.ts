// The few fields of Kubernetes objects the lab's helpers read. Loose on
// purpose: the helpers pass everything else through untouched.
export interface ObjectMeta {
	name: string;
	namespace?: string;
	uid?: string;
	resourceVersion?: string;
	creationTimestamp?: string;
	deletionTimestamp?: string;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
	ownerReferences?: {kind: string; name: string; uid: string; controller?: boolean}[];
}

export interface Resources {
	requests?: Record<string, string>;
	limits?: Record<string, string>;
}

export interface Container {
	name: string;
	image: string;
	resources?: Resources;
}

export interface Condition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastTransitionTime?: string;
	lastHeartbeatTime?: string;
	lastProbeTime?: string | null;
}

export interface Pod {
	metadata: ObjectMeta;
	spec: {
		nodeName?: string;
		schedulerName?: string;
		containers: Container[];
		initContainers?: Container[];
		nodeSelector?: Record<string, string>;
		tolerations?: {key?: string; operator?: string; value?: string; effect?: string}[];
		affinity?: {
			nodeAffinity?: {
				requiredDuringSchedulingIgnoredDuringExecution?: {
					nodeSelectorTerms?: {
						matchFields?: {key: string; operator: string; values?: string[]}[];
					}[];
				};
			};
		};
	};
	status?: {
		phase?: string;
		startTime?: string;
		podIP?: string;
		conditions?: Condition[];
		containerStatuses?: unknown[];
	};
}

export interface Node {
	metadata: ObjectMeta;
	spec?: {
		unschedulable?: boolean;
		taints?: {key: string; value?: string; effect: string}[];
		podCIDR?: string;
	};
	status?: {
		allocatable?: Record<string, string>;
		capacity?: Record<string, string>;
		conditions?: Condition[];
		addresses?: {type: string; address: string}[];
	};
}

export interface ConfigMap {
	metadata: ObjectMeta;
	data?: Record<string, string>;
}
