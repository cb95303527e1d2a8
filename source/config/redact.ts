import {redactUrl, urlSecrets} from './redact-url.ts';
import type {Config} from './schema.ts';
import {envReferencePattern, isSecretEnvName, isSecretKey, isUrlKey} from './secret-keys.ts';

export {redactUrl} from './redact-url.ts';

const mask = '***';

// Slack documents the whole webhook URL as the secret; the host alone is harmless and helps.
const maskWebhook = (url: string): string => {
	try {
		return `${new URL(url).origin}/${mask}`;
	} catch {
		return mask;
	}
};

// A check's or action's `env:` entry named like a credential; a `${NAME}` reference names no secret.
const secretEnvValue = (parent: string | null, key: string, value: unknown): value is string =>
	parent === 'env' &&
	typeof value === 'string' &&
	value !== '' &&
	isSecretEnvName(key) &&
	!envReferencePattern.test(value);

const redactValue = (key: string | null, value: unknown): unknown => {
	if (Array.isArray(value)) {
		return value.map((item) => redactValue(null, item));
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([childKey, child]) => [
				childKey,
				secretEnvValue(key, childKey, child) ? mask : redactValue(childKey, child),
			]),
		);
	}
	if (typeof value !== 'string' || key === null) {
		return value;
	}
	if (key === 'webhookUrl') {
		return maskWebhook(value);
	}
	if (isSecretKey(key)) {
		return mask;
	}
	return isUrlKey(key) ? redactUrl(value) : value;
};

/** A copy that is safe to show, log or export. */
export const redactConfig = (config: Config): Config => redactValue(null, config) as Config;

const collect = (key: string | null, value: unknown, found: string[]): void => {
	if (Array.isArray(value)) {
		for (const item of value) {
			collect(null, item, found);
		}
	} else if (value !== null && typeof value === 'object') {
		for (const [childKey, child] of Object.entries(value)) {
			if (secretEnvValue(key, childKey, child)) found.push(child);
			collect(childKey, child, found);
		}
	} else if (typeof value === 'string' && value !== '' && key !== null) {
		if (isSecretKey(key)) {
			found.push(value);
		}
		if (key === 'webhookUrl') {
			// The path is the credential even when the URL is quoted without its origin.
			found.push(...urlPath(value));
		}
		if (isUrlKey(key)) {
			found.push(...urlSecrets(value));
		}
	}
};

const urlPath = (url: string): string[] => {
	try {
		const {pathname, search} = new URL(url);
		const path = `${pathname}${search}`;
		return path.length > 1 ? [path] : [];
	} catch {
		return [];
	}
};

/**
 * Every secret string in a configuration (or in any raw object shaped like one),
 * longest first, so other layers can scrub them out of any text.
 */
export const secretValues = (config: unknown): string[] => {
	const found: string[] = [];
	collect(null, config, found);
	return [...new Set(found)].filter((value) => value !== '').sort((a, b) => b.length - a.length);
};

/** Replaces every occurrence of every secret with `***`, longest secrets first. */
export const scrubSecrets = (text: string, secrets: readonly string[]): string => {
	let scrubbed = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret !== '') {
			scrubbed = scrubbed.split(secret).join(mask);
		}
	}
	return scrubbed;
};
