/**
 * How a source puts an observation on the incident timeline without knowing
 * the timeline: the session passes a function that appends it.
 */
export type Observe = (event: {
	readonly kind?: 'observation' | 'alert';
	readonly text: string;
	readonly data: Readonly<Record<string, unknown>>;
}) => void;
