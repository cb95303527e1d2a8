import {
	type Admin,
	Connection,
	type ConnectionOptions,
	consumerGroupDescribeV0,
	FindCoordinatorKeyTypes,
} from '@platformatic/kafka';

/**
 * Members of groups on Kafka 4's consumer protocol (KIP-848). The classic
 * DescribeGroups answers "Dead, no members" for them, so they are asked with
 * ConsumerGroupDescribe (API 69): one request per coordinator, whatever the
 * number of groups.
 */
export async function describeConsumerProtocolGroups(
	admin: Admin,
	groups: readonly string[],
	clientId: string,
	options: ConnectionOptions,
): Promise<Map<string, {state: string; members: number}>> {
	const out = new Map<string, {state: string; members: number}>();
	if (groups.length === 0) return out;
	const coordinators = await admin.findCoordinator({
		keyType: FindCoordinatorKeyTypes.GROUP,
		keys: [...groups],
	});
	const byNode = new Map<number, {host: string; port: number; keys: string[]}>();
	for (const c of coordinators) {
		const entry = byNode.get(c.nodeId) ?? {host: c.host, port: c.port, keys: []};
		entry.keys.push(c.key);
		byNode.set(c.nodeId, entry);
	}
	await Promise.all(
		[...byNode.values()].map(async ({host, port, keys}) => {
			const connection = new Connection(clientId, options);
			try {
				await connection.connect(host, port);
				const response = await consumerGroupDescribeV0.api.async(connection, keys, false);
				for (const g of response.groups) {
					if (g.errorCode === 0)
						out.set(g.groupId, {state: g.groupState, members: g.members.length});
				}
			} finally {
				await connection.close().catch(() => {});
			}
		}),
	);
	return out;
}
