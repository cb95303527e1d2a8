// Whether the status the simulator wants is already what the server has:
// every field it sets must match; fields the server adds (qosClass, …) are
// not its business. Avoids a write, and a watch event, per pod per tick.
export function covers(current: unknown, desired: unknown): boolean {
	if (desired === null || typeof desired !== 'object') return current === desired;
	if (Array.isArray(desired)) {
		return (
			Array.isArray(current) &&
			current.length === desired.length &&
			desired.every((d, i) => covers(current[i], d))
		);
	}
	if (current === null || typeof current !== 'object' || Array.isArray(current)) {
		// An empty object the server dropped (e.g. lastState: {}) is still covered.
		return current === undefined && Object.keys(desired).length === 0;
	}
	const c = current as Record<string, unknown>;
	return Object.entries(desired as Record<string, unknown>).every(([k, v]) => covers(c[k], v));
}
