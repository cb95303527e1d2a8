// A real OpenSearch 2.x node (the log store the runbook's "Search
// Elasticsearch" step queries: same _search DSL), from the Maven Central jars
// provision fetched, plus a feeder that keeps ERRORs in the last hour.
//
// OpenSearch refuses to run as root, so as root it runs as `nobody`; that
// user cannot read ~/.cache under /root, so each lab gets its own home of
// hard links (copies across file systems) to the provisioned jars.
import {
	chownSync,
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import {labPort} from '../context.ts';
import {javaBinary} from '../kafka/java.ts';
import {burstFile} from '../opensearch/burst.ts';
import {call, openSearchUrl} from '../opensearch/client.ts';
import {jvmOptions, log4j2Properties, openSearchYml} from '../opensearch/config.ts';
import {fetchOpenSearch, openSearchHome, openSearchVersion} from '../opensearch/fetch.ts';
import {seedOpenSearch} from '../opensearch/seed.ts';
import {spawnDetached} from '../process.ts';
import type {LabServer} from '../server.ts';
import {systemUser} from '../users.ts';
import {waitFor} from '../wait.ts';

function linkTree(from: string, to: string): void {
	mkdirSync(to, {recursive: true});
	for (const entry of readdirSync(from, {withFileTypes: true})) {
		const source = join(from, entry.name);
		const target = join(to, entry.name);
		if (entry.isDirectory()) linkTree(source, target);
		else if (!existsSync(target)) {
			try {
				linkSync(source, target);
			} catch {
				copyFileSync(source, target);
			}
		}
	}
}

function chownTree(path: string, uid: number, gid: number): void {
	chownSync(path, uid, gid);
	for (const entry of readdirSync(path, {withFileTypes: true})) {
		if (entry.isDirectory()) chownTree(join(path, entry.name), uid, gid);
		else chownSync(join(path, entry.name), uid, gid);
	}
}

export const opensearch: LabServer = {
	name: 'opensearch',

	async provision(ctx) {
		await fetchOpenSearch(ctx.paths.cache, ctx.log);
	},

	async start(ctx) {
		const provisioned = openSearchHome(ctx.paths.cache);
		if (!existsSync(join(provisioned, '.complete'))) {
			throw new Error(
				`opensearch: OpenSearch ${openSearchVersion} is not provisioned (${provisioned}); run npm run lab:provision`,
			);
		}
		const dir = ctx.paths.dataDir('opensearch');
		const home = join(dir, 'home');
		const conf = join(dir, 'config');
		const layout = {
			httpPort: labPort(ctx, 'opensearch'),
			transportPort: labPort(ctx, 'opensearchTransport'),
			dataDir: join(dir, 'data'),
			logsDir: join(dir, 'logs'),
		};
		linkTree(join(provisioned, 'lib'), join(home, 'lib'));
		linkTree(join(provisioned, 'modules'), join(home, 'modules'));
		for (const sub of [
			join(home, 'plugins'),
			conf,
			layout.dataDir,
			layout.logsDir,
			join(dir, 'tmp'),
		]) {
			mkdirSync(sub, {recursive: true});
		}
		writeFileSync(join(conf, 'opensearch.yml'), openSearchYml(layout));
		writeFileSync(join(conf, 'log4j2.properties'), log4j2Properties);
		writeFileSync(join(conf, 'jvm.options'), '');
		const asRoot = process.getuid?.() === 0;
		const owner = asRoot ? systemUser('nobody') : undefined;
		if (owner) chownTree(dir, owner.uid, owner.gid);
		const node = await spawnDetached({
			name: 'opensearch',
			command: javaBinary(),
			args: [
				...jvmOptions(home, conf, join(dir, 'tmp')),
				'-cp',
				`${join(home, 'lib')}/*`,
				'org.opensearch.bootstrap.OpenSearch',
			],
			cwd: dir,
			logFile: ctx.paths.logFile('opensearch'),
			...(owner ? {uid: owner.uid, gid: owner.gid} : {}),
		});
		const feeder = await spawnDetached({
			name: 'opensearch-feeder',
			command: process.execPath,
			args: [
				join(import.meta.dirname, '../opensearch/feeder.ts'),
				'--url',
				openSearchUrl(layout.httpPort),
				'--bursts',
				burstFile(ctx.paths),
			],
			logFile: ctx.paths.logFile('opensearch-feeder'),
		});
		return [node, feeder];
	},

	async waitReady(ctx) {
		const url = openSearchUrl(labPort(ctx, 'opensearch'));
		// Yellow is enough on one node; green would need the template's replicas 0 first.
		await waitFor(
			'opensearch',
			async () => {
				const health = (await call(
					url,
					'GET',
					'/_cluster/health?wait_for_status=yellow&timeout=1s',
				)) as {status?: string};
				return health.status === 'green' || health.status === 'yellow';
			},
			{signal: ctx.signal, timeoutMs: 120_000, intervalMs: 500},
		);
	},

	async seed(ctx) {
		await seedOpenSearch(openSearchUrl(labPort(ctx, 'opensearch')), ctx.log);
	},

	endpoint(ctx) {
		const url = openSearchUrl(labPort(ctx, 'opensearch'));
		return {
			env: {ELASTICSEARCH_URL: url},
			config: {logs: {url}},
			details: {url, version: openSearchVersion, index: 'fluentbit-*'},
		};
	},
};
