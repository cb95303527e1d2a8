import type {Action} from './action.ts';

export interface DeploymentRef {
	readonly namespace: string;
	readonly name: string;
}

/**
 * The mitigations a backend offers on the object in focus. The real
 * Kubernetes client and the demo implement the same interface, so the keys
 * and the confirmation are the same code for both.
 */
export interface Mitigations {
	/** `kubectl rollout restart deployment/<name> -n <namespace>`. */
	restartDeployment?(target: DeploymentRef): Action;
	/** `kubectl scale deployment/<name> -n <namespace> --replicas=N`. */
	scaleDeployment?(target: DeploymentRef, replicas: number): Action;
}
