// A KRaft single-node Kafka (broker and controller in one JVM) from the jars
// provision fetched. One factory serves the 4.x broker and the 3.9 one.

import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import {run} from '../run.ts';
import type {LabContext, LabServer} from '../server.ts';
import {waitFor} from '../wait.ts';
import {loggingConfig, serverProperties} from './config.ts';
import {javaBinary, loggingOptions, toolJvmOptions} from './java.ts';
import {fetchKafka, kafkaHome, kafkaLibs} from './maven.ts';
import {logSaysStarted, portAccepts} from './ready.ts';
import {seededGroups, seededTopics, seedKafka} from './seed.ts';
import {toolLogConfig, writeWrappers} from './tools.ts';
import type {KafkaFlavour} from './versions.ts';

/** Kafka's own cluster ids are 16 random bytes in unpadded base64url. */
const clusterId = () => randomBytes(16).toString('base64url');

function writeToolLogging(cache: string, flavour: KafkaFlavour): void {
	writeFileSync(toolLogConfig(cache, flavour), loggingConfig(flavour, 'WARN'));
}

async function format(ctx: LabContext, flavour: KafkaFlavour, properties: string, logDir: string) {
	if (existsSync(join(logDir, 'meta.properties'))) return;
	ctx.log(`  ${flavour.server}: formatting the KRaft storage`);
	await run(
		javaBinary(),
		[
			...toolJvmOptions,
			...loggingOptions(flavour, toolLogConfig(ctx.paths.cache, flavour)),
			'-cp',
			`${kafkaLibs(ctx.paths.cache, flavour)}/*`,
			'kafka.tools.StorageTool',
			'format',
			'--ignore-formatted',
			'-t',
			clusterId(),
			'-c',
			properties,
		],
		{timeoutMs: 120_000},
	);
}

export function kafkaServer(flavour: KafkaFlavour): LabServer {
	const {server: name} = flavour;
	// Where this start's output begins in the (appended) log, so an old "started" line never counts.
	let logOffset = 0;

	return {
		name,

		async provision(ctx) {
			await fetchKafka(ctx.paths.cache, flavour, ctx.log);
			writeToolLogging(ctx.paths.cache, flavour);
		},

		async start(ctx) {
			const home = kafkaHome(ctx.paths.cache, flavour);
			if (!existsSync(join(home, '.complete'))) {
				throw new Error(
					`${name}: Kafka ${flavour.version} is not provisioned (${home}); run npm run lab:provision${
						name === 'kafka39' ? ' -- --kafka39' : ''
					}`,
				);
			}
			writeToolLogging(ctx.paths.cache, flavour);
			const dir = ctx.paths.dataDir(name);
			const logDir = join(dir, 'logs');
			mkdirSync(logDir, {recursive: true});
			const properties = join(dir, 'server.properties');
			const port = labPort(ctx, flavour.portName);
			const controllerPort = labPort(ctx, flavour.controllerPortName);
			writeFileSync(properties, serverProperties({port, controllerPort, logDir, flavour}));
			const logging = join(
				dir,
				flavour.logging === 'log4j2' ? 'log4j2.properties' : 'log4j.properties',
			);
			writeFileSync(logging, loggingConfig(flavour));
			await format(ctx, flavour, properties, logDir);
			const logFile = ctx.paths.logFile(name);
			logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
			const broker = await spawnDetached({
				name,
				command: javaBinary(),
				args: [
					'-Xms256m',
					'-Xmx768m',
					'-XX:+UseG1GC',
					'-Djava.awt.headless=true',
					...loggingOptions(flavour, logging),
					'-cp',
					`${kafkaLibs(ctx.paths.cache, flavour)}/*`,
					'kafka.Kafka',
					properties,
				],
				cwd: dir,
				logFile,
			});
			writeWrappers(ctx.paths.bin, ctx.paths.cache, flavour, name === 'kafka' ? '' : `${name}-`);
			return [broker];
		},

		async waitReady(ctx) {
			const port = labPort(ctx, flavour.portName);
			const logFile = ctx.paths.logFile(name);
			await waitFor(
				name,
				async () => logSaysStarted(logFile, logOffset) && (await portAccepts(port)),
				{signal: ctx.signal, timeoutMs: 90_000, intervalMs: 250},
			);
			// A kept broker (already running) logged its start earlier: from now on, any start counts.
			logOffset = 0;
		},

		async seed(ctx) {
			await seedKafka(`127.0.0.1:${labPort(ctx, flavour.portName)}`, ctx.log);
		},

		endpoint(ctx) {
			const broker = `127.0.0.1:${labPort(ctx, flavour.portName)}`;
			const prefix = name === 'kafka' ? '' : `${name}-`;
			return {
				env: {[name === 'kafka' ? 'KAFKA_BROKERS' : 'KAFKA39_BROKERS']: broker},
				// irtop's config points at the default broker; tests reach 3.9 through state.json.
				config: name === 'kafka' ? {kafka: {brokers: [broker]}} : {},
				details: {
					version: flavour.version,
					brokers: [broker],
					controller: `127.0.0.1:${labPort(ctx, flavour.controllerPortName)}`,
					tools: {
						consumerGroups: join(ctx.paths.bin, `${prefix}kafka-consumer-groups`),
						topics: join(ctx.paths.bin, `${prefix}kafka-topics`),
						brokerApiVersions: join(ctx.paths.bin, `${prefix}kafka-broker-api-versions`),
					},
					topics: seededTopics,
					groups: seededGroups,
				},
			};
		},
	};
}
