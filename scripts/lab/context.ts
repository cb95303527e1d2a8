// Builds the LabContext every server and scenario receives.
import {labPaths} from './paths.ts';
import {resolvePorts} from './ports.ts';
import type {LabContext} from './server.ts';

export function labContext(
	options: {log?: (line: string) => void; signal?: AbortSignal} = {},
): LabContext {
	return {
		paths: labPaths(),
		ports: resolvePorts(),
		log: options.log ?? ((line) => process.stdout.write(`${line}\n`)),
		signal: options.signal ?? new AbortController().signal,
	};
}

export function withSignal(ctx: LabContext, signal: AbortSignal, prefix?: string): LabContext {
	return {
		...ctx,
		signal,
		log: prefix ? (line) => ctx.log(`[${prefix}] ${line.trimStart()}`) : ctx.log,
	};
}

/** A port by name; a missing one is a programming error, not a lab state. */
export function labPort(ctx: Pick<LabContext, 'ports'>, name: string): number {
	const port = ctx.ports[name];
	if (port === undefined) throw new Error(`no lab port named "${name}" (scripts/lab/ports.ts)`);
	return port;
}
