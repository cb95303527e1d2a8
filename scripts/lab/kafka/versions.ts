// The Kafka brokers the lab runs. 4.x is the default; 3.9 is the last line
// with the protocol versions Kafka 4.0 removed (KIP-896), started on demand
// (--kafka39) so clients can be proven against both.

export interface KafkaFlavour {
	/** Server name in the lab (state.json, logs, ports). */
	readonly server: 'kafka' | 'kafka39';
	readonly version: string;
	readonly portName: 'kafka' | 'kafka39';
	readonly controllerPortName: 'kafkaController' | 'kafka39Controller';
	/** Kafka 4 logs through log4j 2; 3.9 through reload4j (log4j 1 API). */
	readonly logging: 'log4j2' | 'log4j1';
	/** Main class of kafka-broker-api-versions, which moved to the tools module in 4.0. */
	readonly apiVersionsClass: string;
	/** Extra artifacts beyond the broker and the tools. */
	readonly extraArtifacts: readonly string[];
}

export const kafka4: KafkaFlavour = {
	server: 'kafka',
	version: process.env.IRTOP_LAB_KAFKA_VERSION ?? '4.4.0',
	portName: 'kafka',
	controllerPortName: 'kafkaController',
	logging: 'log4j2',
	apiVersionsClass: 'org.apache.kafka.tools.BrokerApiVersionsCommand',
	// The broker's pom leaves the slf4j binding to the distribution: without it the broker logs nothing.
	extraArtifacts: ['org.apache.logging.log4j:log4j-slf4j-impl:2.25.5'],
};

export const kafka39: KafkaFlavour = {
	server: 'kafka39',
	version: process.env.IRTOP_LAB_KAFKA39_VERSION ?? '3.9.1',
	portName: 'kafka39',
	controllerPortName: 'kafka39Controller',
	logging: 'log4j1',
	apiVersionsClass: 'kafka.admin.BrokerApiVersionsCommand',
	extraArtifacts: [],
};

export const toolClasses = {
	'kafka-consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
	'kafka-topics': 'org.apache.kafka.tools.TopicCommand',
	'kafka-console-producer': 'org.apache.kafka.tools.ConsoleProducer',
} as const;
