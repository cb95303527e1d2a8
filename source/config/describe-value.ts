import {redactUrl} from './redact-url.ts';
import {isSecretPath} from './secret-keys.ts';

export const kindOf = (value: unknown): string => {
	if (value === null || value === undefined) {
		return 'nothing';
	}
	if (Array.isArray(value)) {
		return 'a list';
	}
	if (typeof value === 'object') {
		return 'a mapping';
	}
	return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
};

/**
 * How an offending value is quoted in an error. The value of a secret field is
 * never shown (only its kind), credentials inside a URL are masked, and long
 * or multi-line strings are shortened: an error must be safe to paste into an
 * incident channel.
 */
export const describeValue = (value: unknown, path: readonly PropertyKey[]): string => {
	if (isSecretPath(path)) {
		return kindOf(value);
	}
	if (typeof value === 'string') {
		const shown = redactUrl(value);
		return JSON.stringify(shown.length > 60 ? `${shown.slice(0, 57)}...` : shown);
	}
	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}
	return kindOf(value);
};

/** What a schema type is called in a YAML file. */
export const typeNoun = (expected: string): string =>
	({
		string: 'a string',
		number: 'a number',
		int: 'a whole number',
		boolean: 'true or false',
		object: 'a mapping',
		record: 'a mapping',
		array: 'a list',
	})[expected] ?? expected;

/** The raw value at a schema path. */
export const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
	let node = root;
	for (const segment of path) {
		if (node === null || typeof node !== 'object') {
			return undefined;
		}
		node = (node as Record<PropertyKey, unknown>)[segment];
	}
	return node;
};
