import {z} from 'zod';

/**
 * Reusable field schemas. Their messages are written to follow a field name in
 * a one-line error (`prometheus.url: expected an http:// or https:// URL`);
 * the offending value is appended by the error mapper, which knows when it is
 * a secret and must not be echoed.
 */

export const nonEmpty = () => z.string().min(1, {error: 'must not be empty'});

const hasProtocol = (
	value: string,
	protocols: readonly string[],
	requireHost: boolean,
): boolean => {
	try {
		const url = new URL(value);
		return protocols.includes(url.protocol) && (!requireHost || url.host !== '');
	} catch {
		return false;
	}
};

// Database URLs may leave the host out (`postgresql:///app?host=/var/run/postgresql`); HTTP ones may not.
export const urlOf = (protocols: readonly string[], requireHost = false) => {
	const names = protocols.map((protocol) => `${protocol}//`);
	const listed =
		names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
	// "an http:// URL", "a postgres:// URL": the article follows how the scheme is spoken.
	const article = /^[aehiou]/.test(listed ?? '') ? 'an' : 'a';
	const expected = `${article} ${listed} URL`;
	return z
		.string()
		.refine((value) => hasProtocol(value, protocols, requireHost), {error: `expected ${expected}`});
};

export const httpUrl = () => urlOf(['http:', 'https:'], true);

export const positiveNumber = () => z.number().positive({error: 'must be greater than 0'});

export const positiveInt = () =>
	z.number().int({error: 'must be a whole number'}).positive({error: 'must be greater than 0'});

export const port = () =>
	z
		.number()
		.int({error: 'must be a whole number from 1 to 65535'})
		.min(1, {error: 'must be a whole number from 1 to 65535'})
		.max(65535, {error: 'must be a whole number from 1 to 65535'});

// Prometheus label names: https://prometheus.io/docs/concepts/data_model/
export const labelName = () =>
	z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, {error: 'expected a Prometheus label name'});

// Prometheus durations as used in range selectors, e.g. `5m`, `1h30m`.
export const promDuration = () =>
	z.string().regex(/^(?=\d)(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$/, {
		error: 'expected a Prometheus duration such as 5m or 1h',
	});

// Namespaces are DNS-1123 labels.
export const k8sNamespace = () =>
	z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
		error: 'expected a Kubernetes namespace name (lower-case letters, digits and -)',
	});

// Deployment and ConfigMap names are DNS-1123 subdomains.
export const k8sName = () =>
	z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, {
		error: 'expected a Kubernetes object name (lower-case letters, digits, - and .)',
	});

// Container environment variable names as the API server accepts them.
export const envName = () =>
	z
		.string()
		.regex(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/, {error: 'expected an environment variable name'});

// `host:port`, `[ipv6]:port`.
export const broker = () =>
	z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/, {error: 'expected host:port'});

export const regexSource = () =>
	z.string().superRefine((value, context) => {
		try {
			new RegExp(value);
		} catch (error) {
			// V8 puts the pattern first ("Invalid regular expression: /x/: reason"); keep the reason.
			const reason = error instanceof Error ? (error.message.split(': ').at(-1) ?? '') : '';
			context.addIssue({code: 'custom', message: `not a valid regular expression (${reason})`});
		}
	});
