import {describe, expect, it} from 'vitest';
import {type ExecutableBuild, missingEnv, versionText} from '../../source/cli/executable.ts';

const build: ExecutableBuild = {
	version: '1.2.3',
	commit: '0123456789ab',
	built: '2026-12-06T19:00:00Z',
	env: {MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072'},
};

describe('the executable restarting itself with the shebang variables', () => {
	it('asks for the variables the process lacks or has with another value', () => {
		expect(missingEnv(build, {})).toEqual(build.env);
		expect(missingEnv(build, {MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '131072'})).toEqual({
			MALLOC_ARENA_MAX: '2',
		});
	});

	it('asks for nothing once they are set, so it restarts at most once', () => {
		expect(missingEnv(build, {...build.env, HOME: '/root'})).toBeUndefined();
		expect(missingEnv({...build, env: {}}, {})).toBeUndefined();
	});
});

describe('irtop --version of the executable', () => {
	it('names the build, the runtime that ran, and its memory settings', () => {
		const text = versionText(
			build,
			{node: 'v26.1.0', execPath: '/usr/local/bin/irtop', arch: 'arm64', execArgv: ['--x=1']},
			{MALLOC_ARENA_MAX: '2'},
		);
		expect(text.split('\n')).toEqual([
			'irtop 1.2.3',
			'commit 0123456789ab',
			'built 2026-12-06T19:00:00Z',
			'node v26.1.0 linux-arm64, single executable /usr/local/bin/irtop',
			'flags --x=1 MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=(unset)',
		]);
	});
});
