// The contract between the lab's orchestrator (cli.ts) and each real server
// it runs. Every server lives in servers/<name>.ts and exports one LabServer.
//
// Runs directly on Node 24 (type stripping): erasable TypeScript only, no
// enums, no parameter properties, imports with explicit `.ts` extensions.

export interface LabPaths {
	/** Repository root. */
	readonly root: string;
	/** `<root>/.lab`: state of the running lab, removed by `lab:down`. */
	readonly lab: string;
	/** `<lab>/data/<server>`: the server's own data directory. */
	dataDir(server: string): string;
	/** `<lab>/logs/<server>.log`. */
	logFile(server: string): string;
	/** `~/.cache/irtop-lab`: provisioned binaries and jars, kept across runs, keyed by version. */
	readonly cache: string;
	/** `<lab>/bin`: wrappers for the servers' own tools (kafka-consumer-groups, …). */
	readonly bin: string;
}

export interface LabContext {
	readonly paths: LabPaths;
	/** Ports by name, e.g. ports.postgres; all on 127.0.0.1. */
	readonly ports: Readonly<Record<string, number>>;
	readonly log: (line: string) => void;
	readonly signal: AbortSignal;
}

/** What one server contributes to .lab/env, .lab/irtop.yaml and the test suite. */
export interface LabEndpoint {
	/** Shell exports for .lab/env, e.g. {DATABASE_URL: 'postgres://…'}. */
	readonly env: Readonly<Record<string, string>>;
	/** A fragment of the irtop config (merged into .lab/irtop.yaml). */
	readonly config: Readonly<Record<string, unknown>>;
	/** Extra connection details tests need (admin credentials, …). */
	readonly details: Readonly<Record<string, unknown>>;
}

export interface StartedProcess {
	readonly name: string;
	readonly pid: number;
	/** Signal for a clean stop; SIGTERM when absent (PostgreSQL wants SIGINT: a fast shutdown). */
	readonly stopSignal?: NodeJS.Signals;
}

export interface LabServer {
	readonly name: string;
	/** Idempotent; installs or builds into paths.cache; fast when already cached. */
	provision(ctx: LabContext): Promise<void>;
	/** Starts the server's processes detached, logging to paths.logFile(name); returns their pids. */
	start(ctx: LabContext): Promise<readonly StartedProcess[]>;
	/** Resolves when the server answers; throws with a clear reason otherwise. */
	waitReady(ctx: LabContext): Promise<void>;
	/** Seeds the runbook's world; safe to run twice. */
	seed(ctx: LabContext): Promise<void>;
	endpoint(ctx: LabContext): LabEndpoint;
}
