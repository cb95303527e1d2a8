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

/**
 * In a check's or action's `env:`, a variable named like a credential
 * (GITHUB_TOKEN, PGPASSWORD, AWS_SECRET_ACCESS_KEY, API_KEY …) holds a secret.
 * Broad on purpose: a false match only hides a harmless value.
 */
export const isSecretEnvName = (name: PropertyKey | undefined): boolean =>
	typeof name === 'string' &&
	/TOKEN|PASSWORD|PASSWD|PASSPHRASE|SECRET|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH|COOKIE|SESSION/i.test(
		name,
	);

/** `${NAME}` as a whole `env:` value: taken from irtop's own environment when the command starts. */
export const envReferencePattern = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** Whether the value at this config path is a secret: a secret key, or a credential-named `env:` entry. */
export const isSecretPath = (path: readonly PropertyKey[]): boolean =>
	isSecretKey(path.at(-1)) || (path.at(-2) === 'env' && isSecretEnvName(path.at(-1)));
