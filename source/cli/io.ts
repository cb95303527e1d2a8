/** What a command talks to: its arguments, environment and output streams (fakes in tests). */
export interface Io {
	readonly argv: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	readonly version: string;
}
