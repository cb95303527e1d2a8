// The JVM that runs Kafka: Java 17 is enough for 3.9 and 4.x brokers;
// IRTOP_LAB_JAVA picks another (e.g. the Temurin 25 JDK under /usr/lib/jvm).
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {KafkaFlavour} from './versions.ts';

export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
	if (env.IRTOP_LAB_JAVA) return env.IRTOP_LAB_JAVA;
	const jdk17 = '/usr/lib/jvm/java-17-openjdk-amd64/bin/java';
	if (existsSync(jdk17)) return jdk17;
	if (env.JAVA_HOME) return join(env.JAVA_HOME, 'bin', 'java');
	return 'java';
}

/** JVM options for a short-lived tool: start fast rather than run fast. */
export const toolJvmOptions = ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export function loggingOptions(flavour: KafkaFlavour, file: string): string[] {
	return flavour.logging === 'log4j2'
		? [`-Dlog4j2.configurationFile=${file}`]
		: [`-Dlog4j.configuration=file:${file}`];
}
