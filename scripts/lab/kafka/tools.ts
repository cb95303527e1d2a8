// Kafka's own command-line tools, run from the same jars as the broker:
// wrappers in .lab/bin for people and tests, and runTool for the lab's code.
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type RunResult, run} from '../run.ts';
import {javaBinary, loggingOptions, toolJvmOptions} from './java.ts';
import {kafkaHome, kafkaLibs} from './maven.ts';
import {type KafkaFlavour, toolClasses} from './versions.ts';

export type ToolName = keyof typeof toolClasses | 'kafka-broker-api-versions';

function toolClass(flavour: KafkaFlavour, tool: ToolName): string {
	return tool === 'kafka-broker-api-versions' ? flavour.apiVersionsClass : toolClasses[tool];
}

/** Tools log WARN and above, like the distribution's tools-log4j config. */
export function toolLogConfig(cache: string, flavour: KafkaFlavour): string {
	return join(
		kafkaHome(cache, flavour),
		flavour.logging === 'log4j2' ? 'tools-log4j2.properties' : 'tools-log4j.properties',
	);
}

function javaArgs(cache: string, flavour: KafkaFlavour, tool: ToolName): string[] {
	return [
		...toolJvmOptions,
		...loggingOptions(flavour, toolLogConfig(cache, flavour)),
		'-cp',
		`${kafkaLibs(cache, flavour)}/*`,
		toolClass(flavour, tool),
	];
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Writes .lab/bin/<tool> (and .lab/bin/<prefix><tool> for a second flavour). */
export function writeWrappers(binDir: string, cache: string, flavour: KafkaFlavour, prefix = '') {
	mkdirSync(binDir, {recursive: true});
	const tools: ToolName[] = [
		...(Object.keys(toolClasses) as ToolName[]),
		'kafka-broker-api-versions',
	];
	for (const tool of tools) {
		const file = join(binDir, `${prefix}${tool}`);
		const command = [javaBinary(), ...javaArgs(cache, flavour, tool)].map(quote).join(' ');
		writeFileSync(
			file,
			`#!/bin/sh\n# Kafka ${flavour.version}'s own ${tool}, from the lab's jars.\nexec ${command} "$@"\n`,
		);
		chmodSync(file, 0o755);
	}
}

export function runTool(
	cache: string,
	flavour: KafkaFlavour,
	tool: ToolName,
	args: readonly string[],
	input?: string,
): Promise<RunResult> {
	return run(javaBinary(), [...javaArgs(cache, flavour, tool), ...args], {
		timeoutMs: 120_000,
		...(input === undefined ? {} : {input}),
	});
}
