import type {z} from 'zod';
import {describeValue, kindOf, typeNoun, valueAt} from './describe-value.ts';
import {knownKeys} from './schema-keys.ts';
import {closestKey} from './suggest.ts';

/** A schema problem in words, before it is located in a file or variable. */
export interface Problem {
	readonly path: readonly PropertyKey[];
	/** Point at the mapping key (unknown or invalid keys) or at the value. */
	readonly target: 'key' | 'value';
	readonly text: string;
}

type ZodIssue = z.core.$ZodIssue;

const isRootTypeMismatch = (issue: ZodIssue): boolean =>
	issue.code === 'invalid_type' && issue.path.length === 0;

// A union fails as a whole; report the branch whose type matched (the mapping
// form of `kafka.ssl` with a bad key inside), or else every type it accepts.
const unionProblems = (
	issue: Extract<ZodIssue, {code: 'invalid_union'}>,
	schema: z.ZodType,
	input: unknown,
): Problem[] => {
	const matched = issue.errors.find((branch) => !branch.some(isRootTypeMismatch));
	if (matched !== undefined) {
		return matched.flatMap((inner) =>
			problemsOf({...inner, path: [...issue.path, ...inner.path]} as ZodIssue, schema, input),
		);
	}
	const expected = issue.errors
		.flat()
		.filter(isRootTypeMismatch)
		.map((inner) => typeNoun((inner as {expected: string}).expected));
	const value = valueAt(input, issue.path);
	return [
		{
			path: issue.path,
			target: 'value',
			text: `expected ${expected.join(' or ')}, got ${kindOf(value)}`,
		},
	];
};

export const problemsOf = (issue: ZodIssue, schema: z.ZodType, input: unknown): Problem[] => {
	const {path} = issue;
	const value = valueAt(input, path);
	switch (issue.code) {
		case 'unrecognized_keys': {
			const known = knownKeys(schema, path);
			return issue.keys.map((key) => {
				const suggestion = closestKey(key, known);
				const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
				return {path: [...path, key], target: 'key', text: `unknown key${hint}`};
			});
		}
		case 'invalid_union':
			return unionProblems(issue, schema, input);
		case 'invalid_key':
			return [{path, target: 'key', text: issue.issues[0]?.message ?? 'invalid key'}];
		case 'invalid_type': {
			if (value === undefined) {
				return [{path, target: 'value', text: 'required'}];
			}
			// A scalar where a mapping or list belongs is often a secret pasted one
			// level too high (`slack: https://hooks…`): name its kind, never its text.
			const structural =
				issue.expected === 'object' || issue.expected === 'array' || issue.expected === 'record';
			const got = structural ? kindOf(value) : describeValue(value, path);
			return [{path, target: 'value', text: `expected ${typeNoun(issue.expected)}, got ${got}`}];
		}
		case 'invalid_value': {
			const allowed = issue.values.map((allowedValue) => JSON.stringify(allowedValue)).join(', ');
			return [
				{
					path,
					target: 'value',
					text: `expected one of ${allowed}, got ${describeValue(value, path)}`,
				},
			];
		}
		default: {
			const scalar =
				typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
			const echo = scalar ? `, got ${describeValue(value, path)}` : '';
			return [{path, target: 'value', text: `${issue.message}${echo}`}];
		}
	}
};

/** `health[1].url`, `prometheus.errorThreshold`. */
export const fieldName = (path: readonly PropertyKey[]): string =>
	path
		.map((segment, index) => {
			if (typeof segment === 'number') {
				return `[${segment}]`;
			}
			return index === 0 ? String(segment) : `.${String(segment)}`;
		})
		.join('');
