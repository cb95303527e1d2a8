// Tests that change or rely on something cluster-wide in the shared lab (a CRD,
// a scenario reset, the lab-simulation ConfigMap) take this lock, so two of them in parallel files
// never pull the ground from under each other. mkdir is atomic; a lock left
// by a killed run goes stale.
import {mkdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {labPaths} from '../../scripts/lab/paths.ts';

const staleMs = 15 * 60_000;

/** Waits for the named lock and returns its release. */
export async function takeLabLock(name: string, timeoutMs = 600_000): Promise<() => void> {
	const dir = join(labPaths().lab, 'locks', name);
	mkdirSync(join(dir, '..'), {recursive: true});
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			mkdirSync(dir);
			return () => rmSync(dir, {recursive: true, force: true});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const age = Date.now() - (statSync(dir, {throwIfNoEntry: false})?.mtimeMs ?? Date.now());
			if (age > staleMs) rmSync(dir, {recursive: true, force: true});
			else if (Date.now() > deadline)
				throw new Error(`lab lock "${name}" still held after ${timeoutMs} ms`);
			else await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}
