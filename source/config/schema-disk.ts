import {z} from 'zod';
import {positiveInt} from './fields.ts';

/**
 * The host's disks (the runbook's "Disk Space Issues"): which directories are
 * measured for their largest subdirectories, and where rotated logs are
 * counted and deleted. Paths are absolute so they never depend on the
 * directory irtop was started from; tests point them at a temporary tree.
 */
export const diskDefaults = {
	paths: ['/var/log'],
	rotatedLogs: '/var/log',
	// The runbook: `find /var/log -name "*.gz" -mtime +30 -delete`.
	rotatedDays: 30,
	// How long one background measurement may walk before it reports what it has.
	budgetSeconds: 5,
} as const;

const absolutePath = () =>
	z
		.string()
		.min(1, {error: 'must not be empty'})
		.refine((value) => value.startsWith('/'), {error: 'must be an absolute path'});

export const diskSchema = z.strictObject({
	paths: z.array(absolutePath()).default(() => [...diskDefaults.paths]),
	rotatedLogs: absolutePath().default(diskDefaults.rotatedLogs),
	rotatedDays: positiveInt().default(diskDefaults.rotatedDays),
	budgetSeconds: positiveInt().default(diskDefaults.budgetSeconds),
});

export type DiskConfig = z.output<typeof diskSchema>;
