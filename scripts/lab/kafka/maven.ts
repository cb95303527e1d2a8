// Fetches a Kafka broker and its tools from Maven Central into
// <cache>/kafka-<version>/libs, through a generated pom and
// `mvn dependency:copy-dependencies`: the same jars the binary distribution
// ships, without a download from the project's site. A marker file makes a
// second provision instant.
import {existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {copyDependencies} from '../maven.ts';
import type {KafkaFlavour} from './versions.ts';

export function kafkaHome(cache: string, flavour: KafkaFlavour): string {
	return join(cache, `kafka-${flavour.version}`);
}

export function kafkaLibs(cache: string, flavour: KafkaFlavour): string {
	return join(kafkaHome(cache, flavour), 'libs');
}

function dependency(coordinates: string): string {
	const [groupId, artifactId, version] = coordinates.split(':');
	return `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
}

function pom(flavour: KafkaFlavour): string {
	const artifacts = [
		`org.apache.kafka:kafka_2.13:${flavour.version}`,
		`org.apache.kafka:kafka-tools:${flavour.version}`,
		...flavour.extraArtifacts,
	];
	return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>irtop.lab</groupId>
  <artifactId>kafka-${flavour.version}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${artifacts.map(dependency).join('\n')}
  </dependencies>
</project>
`;
}

export async function fetchKafka(
	cache: string,
	flavour: KafkaFlavour,
	log: (line: string) => void,
): Promise<void> {
	const home = kafkaHome(cache, flavour);
	const done = join(home, '.complete');
	if (existsSync(done)) {
		log(`  kafka ${flavour.version}: cached in ${home}`);
		return;
	}
	mkdirSync(home, {recursive: true});
	rmSync(join(home, 'libs'), {recursive: true, force: true});
	writeFileSync(join(home, 'pom.xml'), pom(flavour));
	log(`  kafka ${flavour.version}: mvn dependency:copy-dependencies into ${home}/libs`);
	const jars = await copyDependencies(cache, home, 'libs');
	if (!jars.includes(`kafka_2.13-${flavour.version}.jar`)) {
		throw new Error(`kafka ${flavour.version}: the broker jar is missing from ${home}/libs`);
	}
	writeFileSync(done, `${new Date().toISOString()}\n${jars.length} jars\n`);
}
