import {z} from 'zod';
import {k8sName, k8sNamespace, nonEmpty} from './fields.ts';

/**
 * `runbook:`: sections of steps, each optionally done by a condition over what
 * irtop already sees. Conditions are a small typed set, not a language: one
 * key each, and an unknown key is a config error (strict objects).
 */

const ratio = () =>
	z
		.number()
		.gt(0, {error: 'must be a ratio between 0 and 1'})
		.lte(1, {error: 'must be a ratio between 0 and 1'});
const count = () =>
	z.number().int({error: 'must be a whole number'}).min(0, {error: 'must be 0 or more'});

export const conditionSchema = z.union([
	z.strictObject({alertsFiring: count()}),
	z.strictObject({
		errorRatioBelow: z.strictObject({
			service: nonEmpty().optional(),
			threshold: ratio().optional(),
			forMinutes: z.number().min(0).default(0),
		}),
	}),
	z.strictObject({
		podsNotRunning: z.strictObject({namespace: k8sNamespace().optional(), max: count().default(0)}),
	}),
	z.strictObject({deploymentReady: z.strictObject({namespace: k8sNamespace(), name: k8sName()})}),
	z.strictObject({kafkaLagBelow: z.strictObject({group: nonEmpty().optional(), max: count()})}),
	z.strictObject({pgConnectionsBelow: z.strictObject({ratio: ratio()})}),
	z.strictObject({checkPassing: nonEmpty()}),
	z.strictObject({
		timeline: z.strictObject({
			kind: z.enum(['note', 'action', 'notify-slack', 'notify-statuspage', 'status']),
			// A note's or action's text must contain this (any case); a status must be this one.
			contains: nonEmpty().optional(),
		}),
	}),
	z.strictObject({statusIs: z.enum(['investigating', 'identified', 'monitoring', 'resolved'])}),
]);

export type Condition = z.output<typeof conditionSchema>;

const stepSchema = z.strictObject({
	title: nonEmpty(),
	hint: nonEmpty().optional(),
	doneWhen: conditionSchema.optional(),
	actions: z.array(nonEmpty()).optional(),
	check: nonEmpty().optional(),
});

export const runbookSchema = z.array(
	z.strictObject({
		section: nonEmpty(),
		steps: z.array(stepSchema).min(1, {error: 'needs at least one step'}),
	}),
);

export type RunbookConfig = z.output<typeof runbookSchema>;
export type RunbookStepConfig = RunbookConfig[number]['steps'][number];
