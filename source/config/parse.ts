import os from 'node:os';
import {LineCounter, parseDocument} from 'yaml';
import {applyEnv} from './env.ts';
import {type Problem, problemsOf} from './issues.ts';
import {displayPath, resolveConfigPaths} from './paths.ts';
import {foldPostgresUrl} from './postgres-url.ts';
import {secretValues} from './redact.ts';
import {fileError, type ReportContext, schemaError, secretsOf, yamlProblem} from './report.ts';
import {type Config, configSchema} from './schema.ts';

export interface ParseOptions {
	/** For `~` in paths and in messages; defaults to the current user's. */
	homedir?: string;
	/**
	 * Checks that need knowledge the config layer must not have (a configured
	 * action's key against the UI's own keys): their problems are reported
	 * with file:line:field like the schema's.
	 */
	refine?: (config: Config) => readonly Problem[];
}

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

// `postgres:` with every line under it commented out means "not set", not "set to null".
const dropEmpty = (value: Mapping): Mapping =>
	Object.fromEntries(
		Object.entries(value)
			.filter(([, child]) => child !== null && child !== undefined)
			.map(([key, child]) => [key, isMapping(child) ? dropEmpty(child) : child]),
	);

/**
 * Parses and validates a config file's text, applies the environment and the
 * defaults. Pure apart from reading `os.homedir()` when no homedir is given.
 * `file` is only used in messages and to resolve relative paths; null means
 * there is no file (the environment and defaults alone).
 */
export const parseConfig = (
	text: string,
	file: string | null,
	env: NodeJS.ProcessEnv = {},
	options: ParseOptions = {},
): Config => {
	const homedir = options.homedir ?? os.homedir();
	const lineCounter = new LineCounter();
	const document = parseDocument(text, {lineCounter, prettyErrors: false});
	const context: ReportContext = {
		file,
		displayFile: file === null ? null : displayPath(file, homedir),
		document,
		lineCounter,
		origins: [],
		secrets: [],
	};

	const [syntaxError] = document.errors;
	if (syntaxError !== undefined) {
		const secrets = secretsOf(document);
		throw fileError({...context, secrets}, yamlProblem(syntaxError), syntaxError.pos[0]);
	}
	let raw: unknown;
	try {
		raw = document.toJS() ?? {};
	} catch (error) {
		// e.g. too many aliases (a "billion laughs" file).
		const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
		throw fileError(context, `invalid YAML: ${reason}`, null);
	}
	if (!isMapping(raw)) {
		throw fileError(context, 'expected a mapping of settings (key: value) at the top level', 0);
	}

	const {input, origins} = applyEnv(dropEmpty(raw), env);
	const result = configSchema.safeParse(input);
	if (!result.success) {
		const problems = result.error.issues.flatMap((issue) => problemsOf(issue, configSchema, input));
		throw schemaError(problems, {...context, origins, secrets: secretValues(input)});
	}
	const refined = options.refine?.(result.data) ?? [];
	if (refined.length > 0)
		throw schemaError(refined, {...context, origins, secrets: secretValues(input)});
	const config = resolveConfigPaths(result.data, file, homedir, origins);
	return {...config, postgres: foldPostgresUrl(config.postgres)};
};
