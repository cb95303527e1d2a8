// Console output of the lab commands: every step says what it does and how
// long it took, because provisioning and start-up time are things we measure.

export function say(line: string): void {
	process.stdout.write(`${line}\n`);
}

export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one named step, printing its start and its duration (or its failure). */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
	const started = performance.now();
	say(`→ ${name}`);
	try {
		const result = await run();
		say(`✓ ${name} (${seconds(performance.now() - started)})`);
		return result;
	} catch (error) {
		say(`✗ ${name} (${seconds(performance.now() - started)})`);
		throw error;
	}
}

/** Formats rows as an aligned text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i] ?? 0))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n');
}
