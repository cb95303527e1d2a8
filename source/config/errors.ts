/** One problem found in the configuration, located in the file or in an environment variable. */
export interface ConfigIssue {
	/** The config file, or null when the problem is not in a file. */
	readonly file: string | null;
	/** 1-based, or null when unknown (environment, unreadable file). */
	readonly line: number | null;
	readonly column: number | null;
	/** Dotted path such as `prometheus.errorThreshold` or `health[1].url`; null for a file-level problem. */
	readonly field: string | null;
	/** The environment variable the value came from, such as `PGPORT`. */
	readonly variable: string | null;
	/** What is wrong, e.g. `expected a number, got "high"`. Never contains a secret. */
	readonly problem: string;
	/** The whole line: `<where>: <field>: <problem>`. */
	readonly message: string;
}

export type IssueParts = Omit<ConfigIssue, 'message'> & {
	/** How to show the file (e.g. with the home directory as `~`). */
	readonly displayFile?: string | null;
};

export const formatIssue = (parts: IssueParts): ConfigIssue => {
	const {displayFile, ...issue} = parts;
	const shown = displayFile ?? issue.file;
	let where = 'config';
	if (issue.variable !== null) {
		where = `$${issue.variable}`;
	} else if (shown !== null) {
		where =
			issue.line === null
				? shown
				: `${shown}:${issue.line}${issue.column === null ? '' : `:${issue.column}`}`;
	}
	const field = issue.field === null ? '' : `${issue.field}: `;
	return {...issue, message: `${where}: ${field}${issue.problem}`};
};

/**
 * A configuration that cannot be used. `message` is one line for the first
 * problem (the CLI prints it and exits); `issues` lists them all.
 */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
	readonly file: string | null;
	readonly line: number | null;
	readonly column: number | null;
	readonly field: string | null;
	readonly variable: string | null;
	readonly issues: readonly ConfigIssue[];

	constructor(issues: readonly [ConfigIssue, ...ConfigIssue[]]) {
		const [first] = issues;
		const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
		super(`${first.message}${more}`);
		this.file = first.file;
		this.line = first.line;
		this.column = first.column;
		this.field = first.field;
		this.variable = first.variable;
		this.issues = issues;
	}
}
