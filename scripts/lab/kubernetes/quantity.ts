// Kubernetes resource quantities ("250m", "1.5", "512Mi", "1G") to numbers and
// back, enough for the lab's simulated usage.
import {quantity} from '../../../source/sources/kubernetes/quantity.ts';

/** A quantity in base units: cores for CPU, bytes for memory (irtop's own parser). */
export function parseQuantity(text: string | number | undefined): number | undefined {
	if (typeof text === 'number') return text;
	return quantity(text) ?? undefined;
}

/** Cores as metrics-server writes them: nanocores. */
export function formatCpu(cores: number): string {
	return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Bytes as metrics-server writes them: kibibytes. */
export function formatMemory(bytes: number): string {
	return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
