import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {connect} from '../../../source/sources/kubernetes/connect.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-kubeconfig-'));
afterAll(() => rmSync(dir, {recursive: true}));

function file(name: string, config: object): string {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify({apiVersion: 'v1', kind: 'Config', ...config}));
	return path;
}

const cluster = (name: string, server: string) => ({name, cluster: {server}});
const user = (name: string) => ({name, user: {token: name}});
const context = (name: string, c: string, u: string, namespace?: string) => ({
	name,
	context: {cluster: c, user: u, ...(namespace ? {namespace} : {})},
});

describe('connect: kubectl conventions', () => {
	const first = file('a', {
		clusters: [cluster('prod', 'https://prod:6443')],
		users: [user('alice')],
		contexts: [context('prod-eu', 'prod', 'alice', 'business-onboarding')],
		'current-context': 'prod-eu',
	});
	const second = file('b', {
		clusters: [cluster('prod', 'https://other:6443'), cluster('stage', 'https://stage:6443')],
		users: [user('bob')],
		contexts: [context('stage', 'stage', 'bob'), context('prod-eu', 'stage', 'bob')],
		'current-context': 'stage',
	});

	it('merges KUBECONFIG files; the first to define a name or the current context wins', () => {
		const c = connect({env: {KUBECONFIG: `${first}:${second}`}});
		expect(c.context).toBe('prod-eu');
		expect(c.kc.getCurrentCluster()?.server).toBe('https://prod:6443');
		expect(c.namespace).toBe('business-onboarding');
		expect(c.kc.getContexts().map((x) => x.name)).toEqual(['prod-eu', 'stage']);
	});

	it('--context, -n and -A; a missing file in the list is skipped', () => {
		const path = `${join(dir, 'missing')}:${first}:${second}`;
		// A context that names no namespace shows every namespace, not kubectl's "default".
		expect(connect({kubeconfig: path, context: 'stage'})).toMatchObject({
			context: 'stage',
			namespace: null,
		});
		expect(connect({kubeconfig: path, context: 'stage', namespace: 'x'}).namespace).toBe('x');
		expect(connect({kubeconfig: path, namespace: 'x'}).namespace).toBe('x');
		expect(connect({kubeconfig: path, allNamespaces: true}).namespace).toBeNull();
	});

	it('an unknown context is a clear error', () => {
		expect(() => connect({kubeconfig: first, context: 'nope'})).toThrow(
			'context "nope" is not in the kubeconfig',
		);
	});
});
