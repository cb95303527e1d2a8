// kafkajs 2.2.4 schedules a timer with a negative delay on every connection
// (its request queue computes `throttledUntil (-1) - Date.now()`), which Node
// >= 23 reports as a TimeoutNegativeWarning: harmless (Node uses 1 ms), so the
// lab's own processes drop that one warning and keep every other.
export function silenceKafkajsTimerWarning(): void {
	process.removeAllListeners('warning');
	process.on('warning', (warning) => {
		if (warning.name !== 'TimeoutNegativeWarning')
			process.stderr.write(`${warning.stack ?? warning}\n`);
	});
}
