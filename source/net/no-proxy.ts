import {BlockList, isIP} from 'node:net';

/**
 * NO_PROXY as curl reads it (lib/noproxy.c, CURLOPT_NOPROXY): a list split on
 * commas and blanks; `*` alone bypasses every host; a name matches itself and
 * its subdomains, a leading dot changes nothing (`.example.com` and
 * `example.com` both match `example.com` and `www.example.com`, never
 * `notexample.com`), case-insensitively and ignoring a trailing dot; an IP
 * host is matched only against IP entries, exactly or by CIDR (`10.0.0.0/8`,
 * `fd00::/8`), and IPv6 entries are written without brackets. No DNS lookup:
 * a name never matches an IP entry. Beyond curl, which never matches an entry
 * with a port, `host:port` (`[::1]:8080` for IPv6) bypasses that port only, as
 * Go (kubectl) and undici read it, and so do `*` among other entries and
 * `*.example.com` (subdomains only): curl would silently ignore entries someone
 * wrote on purpose.
 */
export interface NoProxy {
	/** True when a request to this host (and port) goes direct. */
	bypasses(host: string, port: number): boolean;
}

type Entry = {
	/** 0: any port */
	readonly port: number;
} & (
	| {readonly kind: 'all'}
	/** lower case, no leading or trailing dot; `*.example.com`: subdomains only */
	| {readonly kind: 'name'; readonly name: string; readonly subdomainsOnly: boolean}
	/** Node's BlockList does the address arithmetic (CIDRs, every IPv6 spelling). */
	| {readonly kind: 'ip'; readonly family: 'ipv4' | 'ipv6'; readonly list: BlockList}
);

export function parseNoProxy(value: string): NoProxy {
	const entries = value
		.split(/[\s,]+/)
		.filter((token) => token !== '')
		.map(parseEntry)
		.filter((entry) => entry !== null);
	return {
		bypasses(host, port) {
			const name = unbracket(host).toLowerCase().replace(/\.$/, '');
			if (name === '') return false;
			const family = isIP(name);
			return entries.some((entry) => {
				if (entry.port !== 0 && entry.port !== port) return false;
				if (entry.kind === 'all') return true;
				if (entry.kind === 'name')
					return (
						family === 0 &&
						((!entry.subdomainsOnly && name === entry.name) || name.endsWith(`.${entry.name}`))
					);
				return (
					family !== 0 && entry.family === `ipv${family}` && entry.list.check(name, entry.family)
				);
			});
		},
	};
}

function parseEntry(token: string): Entry | null {
	let host = token;
	let port = 0;
	// host:port, or [v6]:port; a bare IPv6 address has more than one colon and no port.
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(token);
	const named = /^([^:]+):(\d+)$/.exec(token);
	if (bracketed) {
		host = bracketed[1] ?? '';
		port = Number(bracketed[2] ?? 0);
	} else if (named) {
		host = named[1] ?? '';
		port = Number(named[2]);
	}
	if (host === '*') return {kind: 'all', port};
	const slash = host.indexOf('/');
	const address = slash === -1 ? host : host.slice(0, slash);
	const version = isIP(address);
	if (version !== 0) {
		const family = version === 4 ? 'ipv4' : 'ipv6';
		const list = new BlockList();
		if (slash === -1) list.addAddress(address, family);
		else {
			const bits = Number(host.slice(slash + 1));
			// A prefix that cannot be used matches nothing, as in curl.
			if (!(Number.isInteger(bits) && bits >= 0 && bits <= (version === 4 ? 32 : 128))) return null;
			list.addSubnet(address, bits, family);
		}
		return {kind: 'ip', family, list, port};
	}
	const subdomainsOnly = host.startsWith('*.');
	const name = host
		.toLowerCase()
		.replace(/^\*?\./, '')
		.replace(/\.$/, '');
	return name === '' ? null : {kind: 'name', name, subdomainsOnly, port};
}

const unbracket = (host: string): string => host.replace(/^\[(.*)\]$/, '$1');
