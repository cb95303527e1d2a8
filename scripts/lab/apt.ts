// Debian packages for the lab. Their maintainer scripts would start system
// services on the standard ports (redis on 6379, prometheus on 9090, …);
// the lab runs its own instances, so a policy-rc.d forbids those starts
// during the install and anything that started anyway is stopped after.
import {existsSync, rmSync, writeFileSync} from 'node:fs';
import {run} from './run.ts';

const policyRcD = '/usr/sbin/policy-rc.d';

export function missingPackages(packages: readonly string[]): Promise<string[]> {
	return Promise.all(
		packages.map(async (name) => {
			// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
			const {stdout} = await run('dpkg-query', ['-W', '-f=${db:Status-Status}', name], {
				allowFailure: true,
			});
			return stdout.trim() === 'installed' ? undefined : name;
		}),
	).then((names) => names.filter((name): name is string => name !== undefined));
}

export async function aptInstall(packages: readonly string[], log: (line: string) => void) {
	const missing = await missingPackages(packages);
	if (missing.length === 0) {
		log(`  already installed: ${packages.join(', ')}`);
		return;
	}
	if (process.getuid?.() !== 0) {
		throw new Error(`missing Debian packages ${missing.join(' ')}: run as root or install them`);
	}
	log(`  installing ${missing.join(', ')}`);
	const ownPolicy = !existsSync(policyRcD);
	// Exit code 101 tells invoke-rc.d "action forbidden": packages install without starting.
	if (ownPolicy) writeFileSync(policyRcD, '#!/bin/sh\nexit 101\n', {mode: 0o755});
	const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
	try {
		const install = () =>
			run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {env});
		try {
			await install();
		} catch {
			// A stale package index is the usual cause on a fresh machine.
			await run('apt-get', ['update', '-q'], {env});
			await install();
		}
	} finally {
		if (ownPolicy) rmSync(policyRcD, {force: true});
	}
}

/** Stops system services the packages may have started, so the lab's own ports and data are the only ones. */
export async function stopSystemServices(services: readonly string[], log: (line: string) => void) {
	for (const service of services) {
		if (!existsSync(`/etc/init.d/${service}`)) continue;
		const status = await run(`/etc/init.d/${service}`, ['status'], {allowFailure: true});
		if (status.code === 0) {
			log(`  stopping the system's ${service} service (the lab runs its own)`);
			await run(`/etc/init.d/${service}`, ['stop'], {allowFailure: true});
		}
	}
}
