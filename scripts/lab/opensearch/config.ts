// The files an OpenSearch node reads from its config dir, written per lab:
// a single node on loopback that starts fast and stays quiet on a shared
// two-core machine (one processor's worth of thread pools, no disk watermark
// that could turn the lab's indices read-only on a full disk).

export interface NodeLayout {
	readonly httpPort: number;
	readonly transportPort: number;
	readonly dataDir: string;
	readonly logsDir: string;
}

export function openSearchYml(layout: NodeLayout): string {
	return `cluster.name: irtop-lab
node.name: lab
path.data: ${layout.dataDir}
path.logs: ${layout.logsDir}
network.host: 127.0.0.1
http.port: ${layout.httpPort}
transport.port: ${layout.transportPort}
discovery.type: single-node
node.processors: 1
cluster.routing.allocation.disk.threshold_enabled: false
action.auto_create_index: true
`;
}

/** Console only: lab:up sends the process' output to .lab/logs/opensearch.log. */
export const log4j2Properties = `status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = error
`;

/** The distribution's jvm.options, cut to what a small throwaway node needs. */
export function jvmOptions(home: string, conf: string, tmp: string): string[] {
	return [
		'-Xms256m',
		'-Xmx512m',
		// Serial GC and C1 only: a lab node is idle most of the time; start-up and CPU matter, throughput does not.
		'-XX:+UseSerialGC',
		'-XX:TieredStopAtLevel=1',
		'-XX:-UsePerfData',
		'-Xss1m',
		'-Djava.awt.headless=true',
		'-Dfile.encoding=UTF-8',
		'-Djna.nosys=true',
		'-Dlog4j2.formatMsgNoLookups=true',
		`-Djava.io.tmpdir=${tmp}`,
		`-Dopensearch.path.home=${home}`,
		`-Dopensearch.path.conf=${conf}`,
		'-Dopensearch.distribution.type=tar',
		'-Dopensearch.bundled_jdk=false',
	];
}
