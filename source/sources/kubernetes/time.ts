/** Epoch milliseconds of an API time: a Date from a list, an RFC 3339 string from a watch. */
export function epoch(value: unknown): number | null {
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isNaN(ms) ? null : ms;
	}
	if (typeof value === 'string' && value !== '') {
		const ms = Date.parse(value);
		return Number.isNaN(ms) ? null : ms;
	}
	return null;
}
