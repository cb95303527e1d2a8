/**
 * Secrets are recognised by key name, so a field added to the schema later is
 * covered as long as it follows the naming: `password`, `token`, `apiKey` and
 * `webhookUrl` are secret as a whole; any other `…url` may carry credentials
 * inside it.
 */
const secretKeys: ReadonlySet<string> = new Set(['password', 'token', 'apiKey', 'webhookUrl']);

export const isSecretKey = (key: PropertyKey | undefined): boolean =>
	typeof key === 'string' && secretKeys.has(key);

export const isUrlKey = (key: string): boolean => /url$/i.test(key);
