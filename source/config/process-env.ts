import {scrubSecrets} from './redact.ts';
import {envReferencePattern, isSecretEnvName} from './secret-keys.ts';

export type ResolvedEnv =
	| {
			readonly ok: true;
			readonly env: Readonly<Record<string, string>>;
			/** Values never to show: credential-named entries and everything a `${NAME}` brought in. */
			readonly secrets: readonly string[];
	  }
	| {readonly ok: false; readonly error: string};

/**
 * A check's or action's `env:` as the command gets it: `${NAME}` values are
 * read from irtop's own environment now (so a token need not be written in
 * the file), and the values that are secrets are listed so that the command's
 * output, its timeline lines and any error can be scrubbed of them. A
 * reference to an unset variable is refused, naming the variable, never a value.
 */
export function resolveProcessEnv(
	env: Readonly<Record<string, string>> | undefined,
	from: NodeJS.ProcessEnv,
): ResolvedEnv {
	const out: Record<string, string> = {};
	const secrets: string[] = [];
	for (const [name, value] of Object.entries(env ?? {})) {
		const reference = envReferencePattern.exec(value)?.[1];
		if (reference !== undefined) {
			const taken = from[reference];
			if (taken === undefined || taken === '')
				return {ok: false, error: `env ${name}: $${reference} is not set in irtop's environment`};
			out[name] = taken;
			secrets.push(taken);
			continue;
		}
		out[name] = value;
		if (isSecretEnvName(name) && value !== '') secrets.push(value);
	}
	return {ok: true, env: out, secrets};
}

/** The `env:` for a confirmation: names only (where a reference comes from), never a value. */
export function describeProcessEnv(
	env: Readonly<Record<string, string>> | undefined,
): string | null {
	const entries = Object.entries(env ?? {});
	if (entries.length === 0) return null;
	const names = entries.map(([name, value]) => {
		const reference = envReferencePattern.exec(value)?.[1];
		if (reference !== undefined) return `${name} (from $${reference})`;
		return isSecretEnvName(name) ? `${name} (secret)` : name;
	});
	return `env: ${names.join(', ')} (values not shown)`;
}

/** Text with every secret of `env` replaced by ***. */
export const scrubEnvSecrets = (text: string, secrets: readonly string[]): string =>
	secrets.length === 0 ? text : scrubSecrets(text, secrets);
