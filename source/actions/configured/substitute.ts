import {placeholderPattern} from '../../config/index.ts';

export type Substituted =
	| {readonly ok: true; readonly argv: readonly string[]}
	| {readonly ok: false; readonly error: string};

// Any C0 or C1 control (a newline, an escape, a tab, NUL): no legitimate name or input holds one.
const control = /\p{Cc}/u;

/**
 * Fills `{placeholder}`s inside each argv element and nowhere else: an element
 * stays one argument whatever its value holds (`team/paged={input.who}` with
 * `; rm -rf /` is one argument with a semicolon in it), elements are never
 * split or joined, and a value is never scanned again (a value holding
 * `{name}` stays literal). A value with a control character is refused.
 */
export function substitute(
	argv: readonly string[],
	values: Readonly<Record<string, string | undefined>>,
	skipFirst = false,
): Substituted {
	const out: string[] = [];
	for (const [index, element] of argv.entries()) {
		if (skipFirst && index === 0) {
			out.push(element);
			continue;
		}
		let error: string | null = null;
		const filled = element.replace(placeholderPattern, (whole, name: string) => {
			const value = values[name];
			if (value === undefined || value === '') {
				error ??= `{${name}} has no value for this row`;
				return whole;
			}
			if (control.test(value)) {
				error ??= `{${name}} holds a control character (a newline, an escape …): refused`;
				return whole;
			}
			return value;
		});
		if (error !== null) return {ok: false, error};
		out.push(filled);
	}
	return {ok: true, argv: out};
}

const plain = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell needs it typed: bare when safe, else in single quotes. */
export function shellQuote(argument: string): string {
	if (plain.test(argument)) return argument;
	return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** The command line a human would paste to run exactly this argv. */
export const shellLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');
