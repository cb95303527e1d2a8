/** kubectl's compact age: 45s, 12m, 3h, 5d (seconds up to 2 minutes: "90s"). */
export function formatAge(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 120) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24)
		return minutes % 60 === 0 || hours >= 8 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	const days = Math.floor(hours / 24);
	return days < 8 && hours % 24 !== 0 ? `${days}d${hours % 24}h` : `${days}d`;
}

/** A countdown or elapsed clock: 59:59, 1:02:03; negative values get a leading minus. */
export function formatClock(ms: number): string {
	const sign = ms < 0 ? '-' : '';
	const total = Math.floor(Math.abs(ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
	const ss = String(s).padStart(2, '0');
	return h > 0 ? `${sign}${h}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}

/** Human duration for notes and exports: "45 min", "1 h 5 min", "12 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(Math.abs(ms) / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
