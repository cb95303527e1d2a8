export interface RedisData {
	readonly pingMs: number;
	readonly connectedClients: number;
	readonly blockedClients: number;
	readonly usedMemoryBytes: number;
	/** 0 means no limit, as Redis reports it. */
	readonly maxMemoryBytes: number;
	readonly evictedKeys: number;
	readonly opsPerSecond: number;
}
