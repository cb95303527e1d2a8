// Fetches OpenSearch's server jars and its one transport module from Maven
// Central (the same coordinates the distribution is built from), then lays
// them out the way a distribution does: lib/ for the server, and
// modules/transport-netty4/ with the descriptor and policy the distribution
// generates at build time (the Maven artifact carries neither). A marker file
// makes a second provision instant.
import {copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {copyDependencies} from '../maven.ts';

export const openSearchVersion = '2.19.6';

// log4j-core is optional in the server's pom (the distribution ships it) and
// the plugin class loader is a separate artifact the distribution puts in lib/.
const artifacts = [
	`org.opensearch:opensearch:${openSearchVersion}`,
	`org.opensearch:opensearch-plugin-classloader:${openSearchVersion}`,
	`org.opensearch.plugin:transport-netty4-client:${openSearchVersion}`,
	'org.apache.logging.log4j:log4j-core:2.25.4',
];

export function openSearchHome(cache: string): string {
	return join(cache, `opensearch-${openSearchVersion}`);
}

const dependency = (coordinates: string): string => {
	const [groupId, artifactId, version] = coordinates.split(':');
	return `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
};

const pom = (): string => `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>irtop.lab</groupId>
  <artifactId>opensearch-${openSearchVersion}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${artifacts.map(dependency).join('\n')}
  </dependencies>
</project>
`;

// What the distribution's build writes for the module (modules/transport-netty4 in OpenSearch's tree).
const descriptor = `description=Netty 4 based transport implementation
version=${openSearchVersion}
name=transport-netty4
classname=org.opensearch.transport.Netty4Plugin
java.version=11
opensearch.version=${openSearchVersion}
extended.plugins=
has.native.controller=false
`;

const policy = `grant codeBase "\${codebase.netty-common}" {
  permission java.io.FilePermission "/proc/sys/net/core/somaxconn", "read";
  permission java.net.SocketPermission "*", "accept,connect";
  permission java.lang.RuntimePermission "setContextClassLoader";
};
grant codeBase "\${codebase.netty-transport}" {
  permission java.net.SocketPermission "*", "accept,connect";
};
`;

/** Netty and the plugin's own jar belong to the module's class loader, not the server's. */
const isModuleJar = (jar: string): boolean =>
	jar.startsWith('netty-') || jar.startsWith('transport-netty4-client-');

export async function fetchOpenSearch(cache: string, log: (line: string) => void): Promise<void> {
	const home = openSearchHome(cache);
	const done = join(home, '.complete');
	if (existsSync(done)) {
		log(`  opensearch ${openSearchVersion}: cached in ${home}`);
		return;
	}
	for (const dir of ['jars', 'lib', 'modules'])
		rmSync(join(home, dir), {recursive: true, force: true});
	mkdirSync(home, {recursive: true});
	writeFileSync(join(home, 'pom.xml'), pom());
	log(`  opensearch ${openSearchVersion}: mvn dependency:copy-dependencies into ${home}`);
	const jars = await copyDependencies(cache, home, 'jars');
	if (!jars.includes(`opensearch-${openSearchVersion}.jar`)) {
		throw new Error(`opensearch: the server jar is missing from ${home}/jars`);
	}
	const lib = join(home, 'lib');
	const module = join(home, 'modules', 'transport-netty4');
	mkdirSync(lib, {recursive: true});
	mkdirSync(module, {recursive: true});
	for (const jar of jars) {
		copyFileSync(join(home, 'jars', jar), join(isModuleJar(jar) ? module : lib, jar));
	}
	writeFileSync(join(module, 'plugin-descriptor.properties'), descriptor);
	writeFileSync(join(module, 'plugin-security.policy'), policy);
	rmSync(join(home, 'jars'), {recursive: true, force: true});
	writeFileSync(done, `${new Date().toISOString()}\n${jars.length} jars\n`);
}
