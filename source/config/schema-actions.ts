import {z} from 'zod';
import {envName, nonEmpty, positiveInt, regexSource} from './fields.ts';

/**
 * `actions:`: the team's own commands on the selected row, k9s-plugin style.
 * Placeholders (`{name}`, `{input.who}`) are checked here against what each
 * scope's rows can give, so a typo is a config error, not a 3 a.m. surprise.
 */

export const actionScopes = [
	'global',
	'deployment',
	'statefulset',
	'daemonset',
	'pod',
	'node',
	'postgres-backend',
	'kafka-group',
	'alert',
	'check',
] as const;
export type ActionScope = (typeof actionScopes)[number];

const everywhere = ['context', 'namespace', 'incident.id', 'incident.title'] as const;
const workload = ['name', 'kind'] as const;

/** What a selected row of each scope fills in (besides `{input.NAME}`). */
export const scopePlaceholders: Readonly<Record<ActionScope, readonly string[]>> = {
	global: everywhere,
	deployment: [...everywhere, ...workload],
	statefulset: [...everywhere, ...workload],
	daemonset: [...everywhere, ...workload],
	pod: [...everywhere, ...workload, 'pod', 'container', 'node'],
	node: [...everywhere, ...workload, 'node'],
	'postgres-backend': [...everywhere, 'kind', 'pid'],
	'kafka-group': [...everywhere, ...workload, 'group'],
	alert: [...everywhere, ...workload, 'alertname'],
	check: [...everywhere, ...workload],
};

/** `{name}`, `{input.who}`: an identifier in braces. Anything else (`{"a":1}`) is literal text. */
export const placeholderPattern = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\}/g;

// Key names as the command table writes them: one printable character, or ctrl+letter.
const keyPattern = /^(?:[!-~]|ctrl\+[a-z])$/;

export const actionDefaults = {timeoutMs: 300_000} as const;

const inputSchema = z.strictObject({
	name: z
		.string()
		.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {error: 'expected a name (letters, digits, _)'}),
	label: nonEmpty().optional(),
	type: z.enum(['string', 'number', 'choice']).default('string'),
	choices: z.array(nonEmpty()).min(1, {error: 'must list at least one choice'}).optional(),
	default: z.union([z.string(), z.number()]).optional(),
	required: z.boolean().default(true),
	validation: regexSource().optional(),
});

const actionSchema = z.strictObject({
	id: z
		.string()
		.regex(/^[a-z][a-z0-9-]*$/, {error: 'expected an id (lower-case letters, digits, -)'}),
	key: z.string().regex(keyPattern, {error: 'expected a key such as F, ctrl+g or %'}),
	title: nonEmpty(),
	scope: z.union([z.enum(actionScopes), z.array(z.enum(actionScopes)).min(1)]).default('global'),
	command: z.array(z.string()).min(1, {error: 'must name a program'}),
	// command[0] is then a script for /bin/sh -c, and the other elements are its $1, $2 …
	shell: z.boolean().default(false),
	inputs: z.array(inputSchema).default(() => []),
	mutating: z.boolean().default(true),
	timeoutMs: positiveInt().default(actionDefaults.timeoutMs),
	env: z.record(envName(), z.string()).optional(),
	cwd: nonEmpty().optional(),
});

export type ActionConfig = z.output<typeof actionSchema>;
export type ActionInputConfig = ActionConfig['inputs'][number];

export const scopesOf = (action: Pick<ActionConfig, 'scope'>): readonly ActionScope[] =>
	typeof action.scope === 'string' ? [action.scope] : action.scope;

type Context = z.RefinementCtx;

function checkPlaceholders(action: ActionConfig, index: number, context: Context): void {
	const inputs = new Set(action.inputs.map((input) => input.name));
	const scopes = scopesOf(action);
	for (const [position, element] of action.command.entries()) {
		const path = [index, 'command', position];
		for (const [, name = ''] of element.matchAll(placeholderPattern)) {
			if (action.shell && position === 0) {
				context.addIssue({
					code: 'custom',
					message: `the shell script cannot hold {${name}}: pass it as a later element and read it as $1, $2 …`,
					path,
				});
				continue;
			}
			if (name.startsWith('input.')) {
				if (!inputs.has(name.slice(6)))
					context.addIssue({
						code: 'custom',
						message: `{${name}}: no input named ${name.slice(6)}`,
						path,
					});
				continue;
			}
			const missing = scopes.filter((scope) => !scopePlaceholders[scope].includes(name));
			if (missing.length > 0)
				context.addIssue({
					code: 'custom',
					message: `{${name}} is not known in scope ${missing.join(', ')} (known: ${scopePlaceholders[missing[0] as ActionScope].map((p) => `{${p}}`).join(' ')})`,
					path,
				});
		}
	}
}

function checkInputs(action: ActionConfig, index: number, context: Context): void {
	const seen = new Set<string>();
	for (const [position, input] of action.inputs.entries()) {
		const path = [index, 'inputs', position];
		if (seen.has(input.name))
			context.addIssue({code: 'custom', message: 'duplicate name', path: [...path, 'name']});
		seen.add(input.name);
		if ((input.type === 'choice') !== (input.choices !== undefined))
			context.addIssue({
				code: 'custom',
				message:
					input.type === 'choice' ? 'a choice needs choices' : 'only applies to type: choice',
				path: [...path, input.type === 'choice' ? 'type' : 'choices'],
			});
		if (input.type === 'number' && input.default !== undefined && typeof input.default !== 'number')
			context.addIssue({code: 'custom', message: 'expected a number', path: [...path, 'default']});
		if (
			input.type === 'choice' &&
			input.default !== undefined &&
			!input.choices?.includes(String(input.default))
		)
			context.addIssue({
				code: 'custom',
				message: 'must be one of the choices',
				path: [...path, 'default'],
			});
	}
}

export const actionsSchema = z.array(actionSchema).superRefine((actions, context) => {
	const ids = new Set<string>();
	for (const [index, action] of actions.entries()) {
		if (ids.has(action.id))
			context.addIssue({code: 'custom', message: 'duplicate id', path: [index, 'id']});
		ids.add(action.id);
		checkPlaceholders(action, index, context);
		checkInputs(action, index, context);
	}
});
