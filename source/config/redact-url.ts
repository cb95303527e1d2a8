/**
 * Credentials inside URLs. Works on the string rather than a parsed URL so a
 * malformed URL (an unencoded `/` or `@` in a password) is still masked, and a
 * well-formed one keeps its exact spelling.
 */

const mask = '***';

// Query parameters that carry credentials (libpq accepts `?password=`, many APIs `?token=`).
const secretParameter =
	/([?&](?:password|passwd|pass|pwd|sslpassword|token|access_token|api[_-]?key|apikey|secret)=)([^&#]*)/gi;

interface Userinfo {
	before: string;
	password: string;
	after: string;
}

// The password is between the first ':' after the scheme and the last '@':
// masking too much of an odd URL is better than showing part of a password.
const splitUserinfo = (url: string): Userinfo | null => {
	const schemeEnd = url.indexOf('://');
	const start = schemeEnd === -1 ? 0 : schemeEnd + 3;
	const at = url.lastIndexOf('@');
	const colon = url.indexOf(':', start);
	if (at <= start || colon === -1 || colon > at) {
		return null;
	}
	return {
		before: url.slice(0, colon + 1),
		password: url.slice(colon + 1, at),
		after: url.slice(at),
	};
};

/** `postgres://user:pass@host/db?password=x` → `postgres://user:***@host/db?password=***`. */
export const redactUrl = (url: string): string => {
	const userinfo = splitUserinfo(url);
	const masked = userinfo === null ? url : `${userinfo.before}${mask}${userinfo.after}`;
	return masked.replace(secretParameter, `$1${mask}`);
};

const decoded = (value: string): string => {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
};

/** Every credential in a URL, as written and percent-decoded (drivers use the decoded form). */
export const urlSecrets = (url: string): string[] => {
	const found: string[] = [];
	const password = splitUserinfo(url)?.password;
	if (password) {
		found.push(password, decoded(password));
	}
	for (const match of url.matchAll(secretParameter)) {
		const value = match[2];
		if (value) {
			found.push(value, decoded(value));
		}
	}
	return found;
};
