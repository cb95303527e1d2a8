// Deterministic stand-ins for randomness: the demo must be reproducible in
// tests, so every wobble, name and pid is derived from a seed and the time.

/** FNV-1a: a stable 32-bit seed from a name. */
export function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** A uniform number in [0, 1) from a seed and an integer step (murmur3's finaliser mixes them). */
export function unit(seed: number, step: number): number {
	let x = (seed ^ Math.imul(step | 0, 0x9e3779b1)) >>> 0;
	x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
	x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
	x ^= x >>> 16;
	return (x >>> 0) / 4_294_967_296;
}

export function clamp(x: number, low: number, high: number): number {
	return Math.min(high, Math.max(low, x));
}

export function smoothstep(x: number): number {
	const u = clamp(x, 0, 1);
	return u * u * (3 - 2 * u);
}

/** The u in [0, 1] with smoothstep(u) = y (closed form of the cubic's inverse). */
export function inverseSmoothstep(y: number): number {
	return 0.5 - Math.sin(Math.asin(1 - 2 * clamp(y, 0, 1)) / 3);
}

/**
 * Smooth value noise in [-1, 1]: successive polls a couple of seconds apart
 * see a small change, never a jump, and the same time always gives the same value.
 */
export function wobble(key: string, t: number, periodS = 5): number {
	const seed = hash(key);
	const step = Math.floor(t / periodS);
	const a = unit(seed, step) * 2 - 1;
	const b = unit(seed, step + 1) * 2 - 1;
	return a + (b - a) * smoothstep(t / periodS - step);
}

export function roundTo(x: number, digits: number): number {
	const scale = 10 ** digits;
	return Math.round(x * scale) / scale;
}
