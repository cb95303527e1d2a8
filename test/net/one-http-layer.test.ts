// The proxy settings apply only to requests that go through source/net/: a
// new client calling the global fetch, or node:http(s) without agentFor,
// would silently ignore HTTPS_PROXY and NO_PROXY. This keeps them honest.
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
		entry.isDirectory()
			? files(join(dir, entry.name))
			: /\.tsx?$/.test(entry.name)
				? [join(dir, entry.name)]
				: [],
	);
}

const sources = files(join(root, 'source')).map((file) => ({
	file: relative(root, file),
	text: readFileSync(file, 'utf8'),
}));

// Why each may call fetch itself.
const fetchers: Record<string, string> = {
	'source/net/fetch.ts': 'the layer itself (direct)',
	'source/net/proxied.ts': 'the layer itself (through a proxy)',
	'source/sources/kubernetes/raw-list.ts':
		"undici's fetch with the Kubernetes client's own dispatcher, which carries the cluster's proxy-url",
};

describe('one HTTP layer', () => {
	it('no file but the layer calls fetch()', () => {
		expect(sources.length).toBeGreaterThan(0);
		const calling = sources
			.filter(({text}) => /(?<![.\w])fetch\(/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
			.map(({file}) => file);
		expect(calling.sort()).toEqual(Object.keys(fetchers).sort());
	});

	it('every node:http(s) client takes its agent from agentFor', () => {
		const clients = sources.filter(
			({file, text}) => file !== 'source/net/node-agent.ts' && /from 'node:https?'/.test(text),
		);
		for (const {file, text} of clients)
			expect({file, agentFor: text.includes('agentFor(')}).toEqual({file, agentFor: true});
	});
});
