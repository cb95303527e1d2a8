// lab:provision: installs or fetches everything the servers need, into the
// system (Debian packages) or ~/.cache/irtop-lab (Kafka jars, Kubernetes
// binaries), keyed by version. Idempotent: a second run only checks.
import {aptInstall} from './apt.ts';
import {say, seconds, step} from './log.ts';
import {labServers, type Selection} from './registry.ts';
import type {LabContext} from './server.ts';

/** All Debian packages at once: one apt-get run instead of one per server. */
export const debianPackages = [
	'postgresql-15',
	'postgresql-client-15',
	'redis-server',
	'redis-tools',
	'prometheus',
	'prometheus-alertmanager',
	// Not servers: the shells whose completion scripts test/cli/completion.test.ts runs.
	'zsh',
	'fish',
	// test/exe runs the arm64 single executable under user-mode emulation, with the
	// aarch64 C and C++ libraries that Node links against (no multiarch needed).
	'qemu-user',
	'libc6-arm64-cross',
	'libstdc++6-arm64-cross',
	'libgcc-s1-arm64-cross',
	'libatomic1-arm64-cross',
] as const;

export async function provision(ctx: LabContext, selection: Selection): Promise<void> {
	const started = performance.now();
	const {servers, notes} = await labServers(selection);
	await step('debian packages', () => aptInstall(debianPackages, ctx.log));
	for (const server of servers) {
		await step(`provision ${server.name}`, () => server.provision(ctx));
	}
	for (const note of notes) say(note);
	say(`provisioned in ${seconds(performance.now() - started)} (cache: ${ctx.paths.cache})`);
}
