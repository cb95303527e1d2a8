// The lab's connection details for tests, read from .lab/state.json (written
// by `npm run lab:up`, or by the global setup in lab-global-setup.ts), and
// describeLab: a describe that needs named lab servers. Locally a missing
// server skips its tests with a line saying how to get it; under CI=true it
// fails them, so a broken lab can never pass as "skipped".
import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, it} from 'vitest';
import {labPaths} from '../../scripts/lab/paths.ts';
import {isAlive} from '../../scripts/lab/process.ts';
import {postgresUrl, type RoleName} from '../../scripts/lab/servers/postgres-roles.ts';
import {type LabState, readState} from '../../scripts/lab/state.ts';

export const labHint = 'npm run lab:provision && npm run lab:up';

export interface KafkaDetails {
	readonly version: string;
	readonly brokers: string[];
	readonly tools: {consumerGroups: string; topics: string; brokerApiVersions: string};
}

export interface Lab {
	readonly state: LabState;
	readonly root: string;
	readonly postgres: {
		readonly port: number;
		readonly maxConnections: number;
		url(role?: RoleName, database?: string): string;
	};
	readonly redis: {readonly url: string};
	readonly prometheus: {readonly url: string};
	readonly alertmanager: {readonly url: string};
	readonly exporter: {readonly url: string};
	readonly kafka: KafkaDetails;
	/** The 3.9 broker, when the lab was started with --kafka39. */
	readonly kafka39: KafkaDetails | undefined;
	/** Any server's details from its endpoint (kubernetes: kubeconfig, users, …). */
	details(server: string): Record<string, unknown>;
	/** Environment exports of .lab/env (KUBECONFIG, DATABASE_URL, …). */
	readonly env: Readonly<Record<string, string>>;
}

export function labState(): LabState | undefined {
	return readState(labPaths());
}

/** True when the server is recorded, seeded and its processes are alive. */
export function labServerUp(state: LabState | undefined, server: string): boolean {
	const record = state?.servers[server];
	return !!record?.ready && record.processes.length > 0 && record.processes.every(isAlive);
}

/** The running lab; throws when it is not (use describeLab to skip instead). */
export function lab(): Lab {
	const state = labState();
	if (!state) throw new Error(`the lab is not running: ${labHint}`);
	const details = (server: string) =>
		(state.servers[server]?.endpoint?.details ?? {}) as Record<string, unknown>;
	const kafka = (server: string) => details(server) as unknown as KafkaDetails;
	const port = (name: string) => state.ports[name] ?? 0;
	return {
		state,
		root: state.root,
		postgres: {
			port: port('postgres'),
			maxConnections: Number(details('postgres').maxConnections ?? 0),
			url: (role = 'app', database) => postgresUrl(role, port('postgres'), database),
		},
		redis: {url: `redis://127.0.0.1:${port('redis')}`},
		prometheus: {url: `http://127.0.0.1:${port('prometheus')}`},
		alertmanager: {url: `http://127.0.0.1:${port('alertmanager')}`},
		exporter: {url: `http://127.0.0.1:${port('exporter')}`},
		kafka: kafka('kafka'),
		kafka39: labServerUp(state, 'kafka39') ? kafka('kafka39') : undefined,
		details,
		env: state.env,
	};
}

/**
 * describe() for tests that need lab servers, e.g.
 * describeLab('postgres smoke', ['postgres'], (lab) => { it(…) }).
 */
export function describeLab(
	name: string,
	servers: readonly string[],
	fn: (lab: Lab) => void,
): void {
	const state = labState();
	const missing = servers.filter((server) => !labServerUp(state, server));
	if (missing.length === 0) {
		describe(name, () => fn(lab()));
		return;
	}
	const reason = `lab server${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not running`;
	if (process.env.CI === 'true') {
		describe(name, () => {
			it(`needs ${servers.join(', ')}`, () => {
				throw new Error(`${reason} (CI=true: a missing server is a failure). Run: ${labHint}`);
			});
		});
		return;
	}
	process.stderr.write(`skipping "${name}": ${reason}. Run: ${labHint}\n`);
	// The body is not run: describe.skip still collects it, and it would read a lab that is not there.
	describe.skip(`${name} (${reason}: ${labHint})`, () => {
		it(`needs ${servers.join(', ')}`, () => {});
	});
}

const execFileAsync = promisify(execFile);

/** Runs the lab's CLI (e.g. labCli('scenario', 'pool-exhaustion', '40')) and returns its output. */
export async function labCli(...args: string[]): Promise<string> {
	const cli = join(labPaths().root, 'scripts', 'lab', 'cli.ts');
	const {stdout, stderr} = await execFileAsync(process.execPath, [cli, ...args], {
		timeout: 120_000,
	});
	return `${stdout}${stderr}`;
}

/** Runs one of the lab's tool wrappers or a system tool and returns stdout. */
export async function tool(command: string, args: readonly string[]): Promise<string> {
	const {stdout} = await execFileAsync(command, [...args], {timeout: 60_000});
	return stdout;
}

/** A short unique suffix for a test's own schema, topic or group. */
export function unique(prefix: string): string {
	return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
}
