// Files a KRaft single-node Kafka (broker and controller in one process)
// needs: server.properties and a logging configuration.
import type {KafkaFlavour} from './versions.ts';

export function serverProperties(options: {
	port: number;
	controllerPort: number;
	logDir: string;
	flavour: KafkaFlavour;
}): string {
	const {port, controllerPort, logDir, flavour} = options;
	const lines = [
		'process.roles=broker,controller',
		'node.id=1',
		`controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
		`listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
		`advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
		'controller.listener.names=CONTROLLER',
		'inter.broker.listener.name=PLAINTEXT',
		'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
		`log.dirs=${logDir}`,
		'num.partitions=1',
		// One broker: every internal topic has one replica, and few partitions so it starts fast.
		'offsets.topic.replication.factor=1',
		'offsets.topic.num.partitions=5',
		'transaction.state.log.replication.factor=1',
		'transaction.state.log.min.isr=1',
		'transaction.state.log.num.partitions=5',
		'group.initial.rebalance.delay.ms=0',
		'auto.create.topics.enable=true',
	];
	if (flavour.logging === 'log4j2') {
		lines.push(
			'share.coordinator.state.topic.replication.factor=1',
			'share.coordinator.state.topic.min.isr=1',
		);
	}
	return `${lines.join('\n')}\n`;
}

/** Broker logs to stdout (the lab's log file) at INFO, the noisy request loggers at WARN. */
export function loggingConfig(flavour: KafkaFlavour, level = 'INFO'): string {
	if (flavour.logging === 'log4j2') {
		return [
			'status = warn',
			'appender.out.type = Console',
			'appender.out.name = out',
			'appender.out.layout.type = PatternLayout',
			'appender.out.layout.pattern = [%d] %p %m (%c)%n',
			`rootLogger.level = ${level}`,
			'rootLogger.appenderRef.out.ref = out',
			'logger.kafka.name = kafka.request.logger',
			'logger.kafka.level = WARN',
			'logger.state.name = state.change.logger',
			'logger.state.level = WARN',
			'',
		].join('\n');
	}
	return [
		`log4j.rootLogger=${level}, out`,
		'log4j.appender.out=org.apache.log4j.ConsoleAppender',
		'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
		'log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n',
		'log4j.logger.kafka.request.logger=WARN',
		'log4j.logger.state.change.logger=WARN',
		'',
	].join('\n');
}
