import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {environmentVariables} from '../../source/config/env.ts';
import {configSchema} from '../../source/config/schema.ts';
import {knownKeys} from '../../source/config/schema-keys.ts';
import {parse} from './helpers.ts';

const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

// Every key path of the schema, descending into mappings and list items.
const keyPaths = (path: PropertyKey[] = []): string[] =>
	knownKeys(configSchema, path).flatMap((key) => [
		[...path, key].filter((segment) => typeof segment === 'string').join('.'),
		...keyPaths([...path, key]),
		...keyPaths([...path, key, 0]),
	]);

describe('docs/configuration.md', () => {
	it('documents every key of the schema', () => {
		const paths = [...new Set(keyPaths())];
		expect(paths).toContain('integrations.statuspage.apiKey');
		expect(paths).toContain('health.expectStatus');
		for (const path of paths) {
			const key = path.split('.').at(-1);
			// As code: `key`, `parent.key` or inside `{key, other?}`.
			expect(docs, path).toMatch(new RegExp(`[\`.{,] ?${key}[\`?:,}.]`));
		}
	});

	it('documents every environment variable', () => {
		for (const {variable} of environmentVariables) {
			expect(docs, variable).toContain(`\`${variable}\``);
		}
	});

	it('has an example config.yaml that is valid', () => {
		const example = /## Example[^\n]*\n+```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
		expect(example).toBeDefined();
		const config = parse(example ?? '');
		expect(config.prometheus.services?.map((service) => service.name)).toEqual([
			'onboarding-api',
			'kyc-worker',
		]);
		expect(config.kafka.ssl).toEqual({ca: '/home/oncall/certs/kafka-ca.pem'});
	});
});
