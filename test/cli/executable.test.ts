import {describe, expect, it} from 'vitest';
import {
	type ExecutableBuild,
	malloptCalls,
	missingEnv,
	versionText,
} from '../../source/cli/executable.ts';

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

	it('says when the glibc settings were made by mallopt rather than read at start', () => {
		const runtime = {node: 'v26.1.0', execPath: '/irtop', arch: 'x64', execArgv: []};
		expect(versionText(build, runtime, build.env, true).split('\n').at(-1)).toBe(
			'flags MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 (glibc settings by mallopt)',
		);
	});
});

describe('the glibc settings made in the running process', () => {
	it('maps each shebang variable to its mallopt parameter (malloc.h)', () => {
		expect(malloptCalls(build.env)).toEqual([
			[-8, 2],
			[-3, 131072],
		]);
	});

	it('leaves a variable without a mallopt parameter here, or a value that is no number, to a restart', () => {
		expect(malloptCalls({GLIBC_TUNABLES: 'glibc.malloc.arena_max=2'})).toBeUndefined();
		expect(malloptCalls({MALLOC_ARENA_MAX: 'two'})).toBeUndefined();
		expect(malloptCalls({})).toEqual([]);
	});
});
