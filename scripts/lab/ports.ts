// Loopback ports that do not collide with the servers' standard ones.
// Override any of them with IRTOP_LAB_PORT_<NAME>, e.g. IRTOP_LAB_PORT_POSTGRES=25432.
export const defaultPorts = {
	postgres: 15432,
	redis: 16379,
	prometheus: 19090,
	alertmanager: 19093,
	exporter: 19101,
	kafka: 19092,
	kafkaController: 19095,
	kafka39: 29092,
	kafka39Controller: 29095,
	apiserver: 16443,
	kine: 12379,
	metrics: 16444,
	kubelet: 16450,
	opensearch: 19200,
	opensearchTransport: 19300,
} as const;

export type PortName = keyof typeof defaultPorts;

/** kafka39Controller → IRTOP_LAB_PORT_KAFKA39_CONTROLLER. */
export function portVariable(name: string): string {
	return `IRTOP_LAB_PORT_${name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

export function resolvePorts(env: NodeJS.ProcessEnv = process.env): Record<PortName, number> {
	const ports = {...defaultPorts} as Record<PortName, number>;
	for (const name of Object.keys(ports) as PortName[]) {
		const override = env[portVariable(name)];
		if (override !== undefined) {
			const port = Number(override);
			if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
				throw new Error(`${portVariable(name)}: "${override}" is not a port`);
			}
			ports[name] = port;
		}
	}
	return ports;
}
