// Builds kube-apiserver, kube-controller-manager and kine with Go, through the
// Go module proxy, into the cache keyed by version. A cached build is reused
// as is, so a second provision takes well under a second.
import {access, constants, mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LabContext} from '../server.ts';
import {run} from './run.ts';
import {kineVersion, kubernetesBinaries, kubernetesCacheDir, kubernetesVersion} from './version.ts';

const wrapperModule = join(dirname(fileURLToPath(import.meta.url)), 'go');

async function executable(path: string): Promise<boolean> {
	try {
		await access(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

// What `kubectl version` and /version report; without it the binaries say
// v0.0.0-master, as hack/lib/version.sh would otherwise fill these in.
function versionLdflags(): string {
	const [major, minor] = kubernetesVersion.slice(1).split('.');
	const vars = {
		gitVersion: kubernetesVersion,
		gitMajor: major,
		gitMinor: minor,
		gitTreeState: 'clean',
		buildDate: '1970-01-01T00:00:00Z',
	};
	return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']
		.flatMap((pkg) => Object.entries(vars).map(([k, v]) => `-X ${pkg}.${k}=${v}`))
		.join(' ');
}

function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	// -trimpath and stripped symbols keep the binaries small and the build
	// reproducible; -buildvcs=false because the wrapper lives in this repo's git.
	return {...process.env, GOFLAGS: '-trimpath -buildvcs=false', ...extra};
}

async function requireGo(ctx: LabContext): Promise<void> {
	try {
		await run('go', ['version'], {signal: ctx.signal});
	} catch {
		throw new Error('kubernetes: Go is needed to build the control plane (Go >= 1.24 on PATH)');
	}
}

async function timed(ctx: LabContext, what: string, step: () => Promise<void>): Promise<number> {
	const started = Date.now();
	ctx.log(`kubernetes: ${what}…`);
	await step();
	const seconds = Math.round((Date.now() - started) / 1000);
	ctx.log(`kubernetes: ${what} took ${seconds}s`);
	return seconds;
}

export async function provisionKubernetes(ctx: LabContext): Promise<void> {
	const binaries = kubernetesBinaries(ctx.paths.cache);
	const binDir = dirname(binaries.apiserver);
	await mkdir(binDir, {recursive: true});
	const took: Record<string, number> = {};

	if (!((await executable(binaries.apiserver)) && (await executable(binaries.controllerManager)))) {
		await requireGo(ctx);
		// Build into a scratch directory and rename, so an interrupted build is
		// never mistaken for a cached one.
		const scratch = await mkdtemp(join(binDir, '.build-'));
		try {
			took.controlPlane = await timed(
				ctx,
				`building kube-apiserver and kube-controller-manager ${kubernetesVersion} (cold: 5 to 7 min on 2 cores)`,
				async () => {
					await run(
						'go',
						[
							'build',
							`-ldflags=-s -w ${versionLdflags()}`,
							'-o',
							`${scratch}/`,
							'k8s.io/kubernetes/cmd/kube-apiserver',
							'k8s.io/kubernetes/cmd/kube-controller-manager',
						],
						{
							cwd: wrapperModule,
							env: goEnv(),
							signal: ctx.signal,
						},
					);
				},
			);
			await rename(join(scratch, 'kube-apiserver'), binaries.apiserver);
			await rename(join(scratch, 'kube-controller-manager'), binaries.controllerManager);
		} finally {
			await rm(scratch, {recursive: true, force: true});
		}
	} else ctx.log(`kubernetes: ${kubernetesVersion} binaries cached in ${binDir}`);

	if (!(await executable(binaries.kine))) {
		await requireGo(ctx);
		const scratch = await mkdtemp(join(binDir, '.build-'));
		try {
			took.kine = await timed(ctx, `building kine ${kineVersion}`, async () => {
				// kine has no replace directives, so plain `go install` works; run it
				// outside any module so the wrapper's go.mod does not interfere.
				await run('go', ['install', '-ldflags=-s -w', `github.com/k3s-io/kine@${kineVersion}`], {
					cwd: scratch,
					env: goEnv({GOBIN: scratch}),
					signal: ctx.signal,
				});
			});
			await rename(join(scratch, 'kine'), binaries.kine);
		} finally {
			await rm(scratch, {recursive: true, force: true});
		}
	} else ctx.log(`kubernetes: kine ${kineVersion} cached`);

	if (Object.keys(took).length > 0) {
		await writeFile(
			join(
				kubernetesCacheDir(ctx.paths.cache),
				`build-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
			),
			`${JSON.stringify({kubernetesVersion, kineVersion, seconds: took}, null, '\t')}\n`,
		);
	}
}
