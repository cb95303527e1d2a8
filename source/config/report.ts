import type {Document, LineCounter, YAMLError} from 'yaml';
import type {EnvOrigin} from './env.ts';
import {ConfigError, type ConfigIssue, formatIssue} from './errors.ts';
import {fieldName, type Problem} from './issues.ts';
import {locate} from './locate.ts';
import {scrubSecrets, secretValues} from './redact.ts';

/** Everything needed to say where a problem is, and what must not be said. */
export interface ReportContext {
	readonly file: string | null;
	readonly displayFile: string | null;
	readonly document: Document;
	readonly lineCounter: LineCounter;
	readonly origins: readonly EnvOrigin[];
	/** Secret strings of the input, scrubbed from every message as a last line of defence. */
	readonly secrets: readonly string[];
}

const isPrefix = (prefix: readonly PropertyKey[], path: readonly PropertyKey[]): boolean =>
	prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

const toIssue = (problem: Problem, context: ReportContext): ConfigIssue => {
	const origin = context.origins.find((candidate) => isPrefix(candidate.path, problem.path));
	const position =
		origin === undefined
			? locate(context.document, context.lineCounter, problem.path, problem.target)
			: null;
	return formatIssue({
		file: origin === undefined ? context.file : null,
		displayFile: context.displayFile,
		line: position?.line ?? null,
		column: position?.column ?? null,
		field: fieldName(problem.path),
		variable: origin?.variable ?? null,
		problem: scrubSecrets(problem.text, context.secrets),
	});
};

// Environment first (nothing to scroll to), then in file order.
const byPlace = (a: ConfigIssue, b: ConfigIssue): number =>
	Number(a.variable === null) - Number(b.variable === null) ||
	(a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY) ||
	(a.column ?? 0) - (b.column ?? 0);

/** A problem with the file as a whole (syntax, shape), at a source offset when known. */
export const fileError = (
	context: ReportContext,
	problem: string,
	offset: number | null,
): ConfigError => {
	const position = offset === null ? null : context.lineCounter.linePos(offset);
	return new ConfigError([
		formatIssue({
			file: context.file,
			displayFile: context.displayFile,
			line: position?.line ?? null,
			column: position?.col ?? null,
			field: null,
			variable: null,
			problem: scrubSecrets(problem, context.secrets),
		}),
	]);
};

/** Schema problems, located in the file or in the variable they came from. */
export const schemaError = (problems: readonly Problem[], context: ReportContext): ConfigError => {
	const [first, ...rest] = problems.map((problem) => toIssue(problem, context)).sort(byPlace);
	return first === undefined
		? fileError(context, 'invalid configuration', null)
		: new ConfigError([first, ...rest]);
};

// The parser's own wording, without the source excerpt it can append: that
// excerpt would print the user's lines, secrets included.
export const yamlProblem = (error: YAMLError): string => {
	const [firstLine = 'syntax error'] = error.message.split('\n');
	return `invalid YAML: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine}`;
};

/** Whatever can be read of a broken document, so its secrets can be kept out of the message. */
export const secretsOf = (document: Document): string[] => {
	try {
		return secretValues(document.toJS());
	} catch {
		return [];
	}
};
