import {z} from 'zod';
import {broker, envName, httpUrl, nonEmpty, positiveInt, regexSource} from './fields.ts';

/**
 * `checks:`: the team's own checks beside the built-in ones (`health:`),
 * each exactly one of a command (argv), a URL or a TCP address.
 */

export const checkDefaults = {
	timeoutMs: 10_000,
	// One round of the health source; a check is never run more often than that.
	intervalSeconds: 10,
} as const;

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'] as const;

const checkSchema = z.strictObject({
	name: nonEmpty(),
	command: z.array(z.string()).min(1, {error: 'must name a program'}).optional(),
	// The first element is then a script for /bin/sh -c; the others are its $1, $2 …
	shell: z.boolean().default(false),
	url: httpUrl().optional(),
	method: z.enum(httpMethods).optional(),
	expectStatus: z
		.number()
		.int({error: 'expected an HTTP status code from 100 to 599'})
		.min(100, {error: 'expected an HTTP status code from 100 to 599'})
		.max(599, {error: 'expected an HTTP status code from 100 to 599'})
		.optional(),
	tcp: broker().optional(),
	// A command's output or a URL's body must match (a command then passes on a match, whatever its exit code is not).
	expect: regexSource().optional(),
	timeoutMs: positiveInt().default(checkDefaults.timeoutMs),
	intervalSeconds: positiveInt().default(checkDefaults.intervalSeconds),
	cwd: nonEmpty().optional(),
	env: z.record(envName(), z.string()).optional(),
});

export type CheckConfig = z.output<typeof checkSchema>;

const only: Record<'command' | 'url' | 'tcp', readonly (keyof CheckConfig)[]> = {
	command: ['shell', 'cwd', 'env'],
	url: ['method', 'expectStatus'],
	tcp: [],
};

export const checksSchema = z.array(checkSchema).superRefine((items, context) => {
	const seen = new Set<string>();
	for (const [index, item] of items.entries()) {
		if (seen.has(item.name))
			context.addIssue({code: 'custom', message: 'duplicate name', path: [index, 'name']});
		seen.add(item.name);
		const kinds = (['command', 'url', 'tcp'] as const).filter((k) => item[k] !== undefined);
		if (kinds.length !== 1) {
			context.addIssue({
				code: 'custom',
				message:
					kinds.length === 0
						? 'needs one of command, url or tcp'
						: `has ${kinds.join(' and ')}: choose one of command, url or tcp`,
				path: [index, kinds[1] ?? 'name'],
			});
			continue;
		}
		const kind = kinds[0] as keyof typeof only;
		for (const [owner, keys] of Object.entries(only)) {
			if (owner === kind) continue;
			for (const key of keys) {
				const value = item[key];
				// `shell: false` is the default, not a choice.
				if (value !== undefined && !(key === 'shell' && value === false))
					context.addIssue({
						code: 'custom',
						message: `only applies to a ${owner} check`,
						path: [index, key],
					});
			}
		}
	}
});
