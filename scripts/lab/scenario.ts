// lab:scenario NAME: produces a runbook symptom on the running lab. The lab's
// own scenarios live beside their servers; the Kubernetes ones come from
// servers/kubernetes-scenarios.ts once it exists.
import {join} from 'node:path';
import {spawnHelper, stopHelpers, waitForHelper} from './helpers.ts';
import {say} from './log.ts';
import {loadOptional} from './registry.ts';
import type {Scenario, ScenarioContext, ScenarioSet} from './scenario-types.ts';
import type {LabContext} from './server.ts';
import {exporterScenarios} from './servers/exporter-scenarios.ts';
import {kafkaScenarios} from './servers/kafka-scenarios.ts';
import {postgresScenarios} from './servers/postgres-scenarios.ts';
import {readState} from './state.ts';

function asScenario(name: string, value: unknown): Scenario | undefined {
	if (typeof value === 'function') {
		return {description: name, needs: ['kubernetes'], run: value as Scenario['run']};
	}
	if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Scenario).run === 'function'
	) {
		const s = value as Partial<Scenario> & Pick<Scenario, 'run'>;
		return {
			description: s.description ?? name,
			needs: s.needs ?? ['kubernetes'],
			run: s.run,
			...(s.reset ? {reset: s.reset} : {}),
		};
	}
	return undefined;
}

async function kubernetesScenarios(): Promise<{set: ScenarioSet; note?: string}> {
	const loaded = await loadOptional(
		join(import.meta.dirname, 'servers', 'kubernetes-scenarios.ts'),
		(exports) => exports.kubernetesScenarios as Record<string, unknown> | undefined,
		'kubernetes scenarios',
	);
	if (!loaded.ok) return {set: {}, note: loaded.reason};
	const set: Record<string, Scenario> = {};
	for (const [name, value] of Object.entries(loaded.value)) {
		const s = asScenario(name, value);
		if (s) set[name] = s;
	}
	return {set};
}

export const kubernetesScenarioNames = [
	'crashloop',
	'oom',
	'high-cpu',
	'node-notready',
	'cert-expiry',
];

export async function scenario(ctx: LabContext, args: readonly string[]): Promise<void> {
	const [name, ...rest] = args;
	const k8s = await kubernetesScenarios();
	const {reset: kubernetesReset, ...kubernetes} = k8s.set;
	const all: Record<string, Scenario> = {
		...postgresScenarios,
		...exporterScenarios,
		...kafkaScenarios,
		...kubernetes,
	};
	if (!name) {
		say('scenarios:');
		for (const [n, s] of Object.entries(all)) say(`  ${n.padEnd(16)} ${s.description}`);
		say(`  ${'reset'.padEnd(16)} undo every scenario`);
		if (k8s.note) say(`(${k8s.note}: ${kubernetesScenarioNames.join(', ')} unavailable)`);
		return;
	}
	const state = readState(ctx.paths);
	if (!state || Object.keys(state.servers).length === 0) {
		throw new Error('the lab is not running: npm run lab:up');
	}
	const sctx: ScenarioContext = {
		...ctx,
		state,
		args: rest,
		spawnHelper: (scenarioName, script, helperArgs) =>
			spawnHelper(ctx.paths, scenarioName, script, helperArgs),
		waitForHelper: (scenarioName, helper, check) =>
			waitForHelper(ctx.paths, scenarioName, helper, check, ctx.signal),
		stopHelpers: async (scenarioName) => {
			await stopHelpers(ctx.paths, scenarioName);
		},
	};
	if (name === 'reset') {
		await reset(sctx, all, rest, kubernetesReset);
		if (k8s.note) say(k8s.note);
		return;
	}
	const chosen = all[name];
	if (!chosen) {
		if (kubernetesScenarioNames.includes(name) && k8s.note) {
			throw new Error(`${name} is a Kubernetes scenario, and ${k8s.note}`);
		}
		throw new Error(`unknown scenario "${name}" (list them: npm run lab:scenario)`);
	}
	const missing = chosen.needs.filter((server) => !state.servers[server]?.ready);
	if (missing.length > 0)
		throw new Error(`${name} needs ${missing.join(', ')} running: npm run lab:up`);
	await chosen.run(sctx);
	say(`scenario ${name}: ${chosen.description}`);
}

/**
 * `reset` undoes every scenario; `reset NAME…` only the named ones, so a test
 * resetting its own scenario does not end another test's.
 */
async function reset(
	ctx: ScenarioContext,
	all: Readonly<Record<string, Scenario>>,
	names: readonly string[],
	kubernetesReset: Scenario | undefined,
): Promise<void> {
	const unknown = names.filter((n) => !all[n]);
	if (unknown.length > 0) throw new Error(`reset: unknown scenario ${unknown.join(', ')}`);
	const chosen = names.length > 0 ? names : Object.keys(all);
	const fresh = () => readState(ctx.paths) ?? ctx.state;
	for (const n of chosen) {
		const s = all[n];
		if (!s) continue;
		await ctx.stopHelpers(n);
		if (!s.needs.every((server) => fresh().servers[server]?.ready)) continue;
		if (s.reset) {
			await s.reset({...ctx, state: fresh()});
			say(`reset ${n}`);
		}
	}
	if (names.length === 0) await ctx.stopHelpers();
	// A Kubernetes set may bring one `reset` entry rather than a reset per scenario.
	const kubernetesNamed =
		names.length === 0 || names.some((n) => all[n]?.needs.includes('kubernetes'));
	if (kubernetesReset && kubernetesNamed && fresh().servers.kubernetes?.ready) {
		await kubernetesReset.run({...ctx, state: fresh(), args: names});
		say('reset kubernetes');
	}
}
