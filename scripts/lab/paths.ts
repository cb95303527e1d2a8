// Where the lab keeps things: running state under <repo>/.lab (removed by
// lab:down), provisioned binaries and jars under ~/.cache/irtop-lab (kept, so a
// second provision or a fresh clone on the same machine is fast).
import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import type {LabPaths} from './server.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function labPaths(root: string = repoRoot, env: NodeJS.ProcessEnv = process.env): LabPaths {
	const lab = env.IRTOP_LAB_DIR ?? join(root, '.lab');
	const cache =
		env.IRTOP_LAB_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'irtop-lab');
	return {
		root,
		lab,
		cache,
		bin: join(lab, 'bin'),
		dataDir: (server) => join(lab, 'data', server),
		logFile: (server) => join(lab, 'logs', `${server}.log`),
	};
}

export function statePath(paths: LabPaths): string {
	return join(paths.lab, 'state.json');
}
