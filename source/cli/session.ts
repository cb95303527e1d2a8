import {hostname, userInfo} from 'node:os';
import type {ActionConfig} from '../actions/configured/config.ts';
import type {Mitigations} from '../actions/mitigations.ts';
import {
	type Config,
	notConfiguredHint,
	scrubSecrets,
	secretValues,
	sourceConfigured,
} from '../config/index.ts';
import {Scheduler} from '../engine/scheduler.ts';
import type {AnySource} from '../engine/source.ts';
import {Store} from '../engine/store.ts';
import {type SourceId, sourceIds} from '../model/index.ts';
import {defaultRunbook} from '../runbook/default-runbook.ts';
import type {RunbookProgress} from '../runbook/progress.ts';
// A type only: the client itself is imported on demand below.
import type {OpenedKubernetes} from '../sources/kubernetes/index.ts';
import {followJournal} from '../timeline/follow-timeline.ts';
import {Journal} from '../timeline/journal.ts';
import {incidentsDir} from '../timeline/journal-paths.ts';
import type {LoadedIncident} from '../timeline/journal-read.ts';
import {Presence} from '../timeline/presence.ts';
import type {Share} from '../timeline/share/open-share.ts';
import {Timeline} from '../timeline/timeline.ts';
import type {AppServices, LogSearch} from '../ui/services.ts';
import type {Options} from './args.ts';
import {automaticIds, recordAutomaticEvents} from './auto-events.ts';
import {recordCheckFlips} from './check-events.ts';
import {recordMaxConnectionsRaise} from './max-connections-events.ts';
import {recordRunbookSteps} from './runbook-events.ts';

/** Everything one run of irtop holds: the composition root's product. */
export interface Session {
	readonly store: Store;
	readonly timeline: Timeline;
	readonly scheduler: Scheduler;
	readonly mitigations: Mitigations;
	/** Tails a pod's log, when Kubernetes is configured. */
	readonly podLogs?: AppServices['podLogs'];
	/** The log store's query (the Logs search view), when a log store is configured or in the demo. */
	readonly logSearch?: LogSearch;
	readonly describePod?: AppServices['describePod'];
	readonly kubeContext: string | null;
	readonly namespace: string | null;
	readonly intervalMs: number;
	/** Why the demo plays, when it does: a flag, or nothing configured. */
	readonly demo: 'flag' | 'nothing-configured' | null;
	/** Where the incident journal is written; null when HOME and XDG_STATE_HOME are both unset. */
	readonly journalDir: string | null;
	/** Lines of a resumed journal that could not be read (a torn last line). */
	readonly warnings: readonly string[];
	readonly config: Config;
	/** The configured actions (`actions:`), or the demo's when the demo plays and none are configured. */
	readonly actions: readonly ActionConfig[];
	/** The runbook's live state (the `:runbook` pane); its done steps land on the timeline. */
	readonly runbook: RunbookProgress;
	/** Who else is on the incident on this host (the dashboard's header). */
	readonly presence?: Presence;
	/** The timeline through Redis, for responders on other hosts (`timeline.share`). */
	readonly share?: Share;
	close(): Promise<void>;
}

interface RealSources {
	sources: AnySource[];
	mitigations: Mitigations;
	kube?: {context: string; namespace: string | null};
	podLogs?: OpenedKubernetes['podLogs'];
	describePod?: OpenedKubernetes['describePod'];
}

/** The configured real backends, each loaded on demand (their clients are big; the demo needs none). */
async function realSources(
	config: Config,
	options: Options,
	env: NodeJS.ProcessEnv,
	timeline: Timeline,
): Promise<RealSources> {
	const real: RealSources = {sources: [], mitigations: {}};
	if (sourceConfigured(config, 'kubernetes', {env})) {
		// Loaded only now: the client is big, and the demo never needs it.
		const {openKubernetes} = await import('../sources/kubernetes/index.ts');
		const k = config.kubernetes;
		const opened = openKubernetes(
			{
				kubeconfig: k.kubeconfig,
				context: options.context ?? k.context,
				namespace: options.namespace ?? k.namespace,
				allNamespaces:
					options.allNamespaces || (options.namespace === undefined && k.allNamespaces),
				env,
			},
			{
				circuitBreakerEnv: config.mitigations.circuitBreaker.env,
				rateLimit: config.mitigations.rateLimit,
			},
			undefined,
			// A rollout a mitigation started is followed until it completes or stalls.
			(text, data) => timeline.append({kind: 'observation', text, data}),
		);
		real.sources.push(opened.source);
		Object.assign(real.mitigations, opened.mitigations);
		real.kube = {context: opened.context, namespace: opened.namespace};
		real.podLogs = opened.podLogs;
		real.describePod = opened.describePod;
	}
	// Prometheus, Alertmanager, health, PostgreSQL, Redis and Kafka (issue 5).
	// Loaded only now, like Kubernetes: their clients are big and the demo never needs them.
	const {dataSources} = await import('./data-sources.ts');
	const data = dataSources(config);
	real.sources.push(...data.sources);
	// The host irtop runs on: always read, never in the demo (which has its own VPS).
	const {DiskSource} = await import('../sources/disk/source.ts');
	const disk = new DiskSource(config.disk, {prometheusUrl: config.prometheus.url});
	real.sources.push(disk);
	real.mitigations.deleteRotatedLogs = () => disk.deleteRotatedLogs();
	const pg = data.postgres;
	if (pg) {
		Object.assign(real.mitigations, {
			cancelQuery: (pid: number) => pg.cancelQuery(pid),
			terminateBackend: (pid: number) => pg.terminateBackend(pid),
			terminateIdle: () => pg.terminateIdle(config.postgres.idleMinutes),
		});
		// The status bar marks c/x/I disabled once the role is known to lack pg_signal_backend.
		const others = real.mitigations.denied;
		const signalling = new Set(['cancelQuery', 'terminateBackend', 'terminateIdle']);
		real.mitigations.denied = (name) =>
			signalling.has(name) ? pg.denied() : (others?.(name) ?? null);
		// ALTER SYSTEM, then the rollout restart of the configured workload (Kubernetes' own action).
		const {workload} = config.postgres;
		const k8s = {...real.mitigations};
		const restartOf = () =>
			!workload
				? undefined
				: workload.kind === 'deployment'
					? k8s.restartDeployment?.(workload)
					: k8s.restartWorkload?.({...workload, kind: 'statefulset'});
		real.mitigations.raiseMaxConnections = (from, to) =>
			pg.raiseMaxConnections(from, to, workload, restartOf(), (text, data) =>
				timeline.append({kind: 'observation', text, data}),
			);
		const denied = real.mitigations.denied;
		real.mitigations.denied = (name) =>
			name === 'raiseMaxConnections' ? pg.raiseDenied(workload, restartOf()) : denied(name);
	}
	return real;
}

export async function openSession(
	options: Options,
	config: Config,
	env: NodeJS.ProcessEnv,
	resumed?: LoadedIncident,
): Promise<Session> {
	const store = new Store();
	const author = options.owner ?? config.author ?? env.USER ?? env.LOGNAME ?? loginName(env);
	// A snapshot is a read-only look: it records no incident.
	const journalDir =
		options.command === 'snapshot' ? null : (config.timeline.dir ?? incidentsDir(env));
	const journal = journalDir
		? new Journal(journalDir, {shared: config.timeline.dir !== undefined})
		: undefined;
	const timeline = new Timeline({author, sink: journal});
	// One step, not 10,000 appends: the journal already holds these events.
	if (resumed) timeline.load(resumed.incident, resumed.events);
	const intervalMs = Math.round((options.refreshSeconds ?? config.refreshSeconds) * 1000);
	// The host's disks are always there: they alone do not make a configured irtop.
	const configured = sourceIds.filter((id) => id !== 'disk' && sourceConfigured(config, id, {env}));
	const demo = options.demo ? 'flag' : configured.length === 0 ? 'nothing-configured' : null;

	let sources: AnySource[];
	let mitigations: Mitigations;
	let podLogs: AppServices['podLogs'];
	let describePod: AppServices['describePod'];
	let kubeContext: string | null;
	let namespace: string | null;
	let actions: readonly ActionConfig[] = config.actions;
	if (demo) {
		if (actions.length === 0) ({demoActions: actions} = await import('../demo/actions.ts'));
		const {DemoWorld, demoSources, demoMitigations, demoIncident, demoPodLogs, demoDescribePod} =
			await import('../demo/index.ts');
		podLogs = demoPodLogs;
		const world = new DemoWorld(Date.now());
		sources = demoSources(world);
		describePod = demoDescribePod(world);
		mitigations = demoMitigations(world);
		kubeContext = 'demo';
		namespace = null;
		if (!options.incident && !resumed) {
			timeline.open({
				...demoIncident,
				severity: options.severity ?? demoIncident.severity,
				owner: options.owner ?? demoIncident.owner,
			});
		}
	} else {
		const real = await realSources(config, options, env, timeline);
		({sources, mitigations, podLogs, describePod} = real);
		kubeContext = real.kube?.context ?? options.context ?? config.kubernetes.context ?? null;
		namespace = real.kube
			? real.kube.namespace
			: options.allNamespaces
				? null
				: (options.namespace ?? config.kubernetes.namespace ?? null);
	}
	if (options.incident) {
		timeline.open({
			title: options.incident,
			severity: options.severity ?? 'P2',
			owner: options.owner ?? author,
		});
	}

	const logs = sources.find((s) => s.id === 'logs');
	const logSearch = logs && 'set' in logs && 'current' in logs ? (logs as LogSearch) : undefined;
	const polled = new Set<SourceId>(sources.map((s) => s.id));
	for (const id of sourceIds) {
		if (!polled.has(id)) store.setSlot(id, {phase: 'not-configured', hint: notConfiguredHint(id)});
	}
	store.flush();

	const scheduler = new Scheduler(store, sources, {
		intervalMs,
		onTransition: (id, change, message) => {
			// Like alerts (auto-events.ts), a server going down is recorded in an open
			// incident but does not open one: irtop started to look around is no incident.
			if (!timeline.incident) return;
			try {
				// The same id on every responder that saw the same change: recorded once.
				const eventId = automaticIds.source(timeline.getSnapshot().events, id, change);
				timeline.append({id: eventId, kind: 'source', text: message, data: {source: id, change}});
			} catch {
				// A journal that cannot write (disk full) must not stop the polling; notes report it.
			}
		},
	});
	const stopAutomatic = recordAutomaticEvents(store, timeline);
	const stopChecks = recordCheckFlips(store, timeline);
	const runbook = recordRunbookSteps(store, timeline, config.runbook ?? defaultRunbook);
	const stopMaxConnections = recordMaxConnectionsRaise(store, timeline);
	const stopRecording = () => {
		stopMaxConnections();
		stopAutomatic();
		stopChecks();
		runbook.stop();
	};
	// Other irtop processes on this host write the same journal: their events appear here.
	const stopFollowing = journalDir ? followJournal(timeline, journalDir, resumed) : () => {};
	// Only the dashboard is someone on the incident; a snapshot or check is not.
	const who = `${author ?? 'someone'}@${hostname()}`;
	const presence =
		journalDir && options.command === 'dashboard'
			? new Presence(journalDir, who, timeline)
			: undefined;
	// Responders on other hosts: only a dashboard with a journal (the source of truth) shares.
	let share: Share | undefined;
	if (journalDir && config.timeline.share && options.command === 'dashboard') {
		const {openShare} = await import('../timeline/share/open-share.ts');
		const secrets = secretValues(config);
		share = openShare(config.timeline.share, timeline, who, (text) => scrubSecrets(text, secrets));
	}
	return {
		store,
		timeline,
		scheduler,
		mitigations,
		podLogs,
		...(logSearch ? {logSearch} : {}),
		describePod,
		kubeContext,
		namespace,
		intervalMs,
		demo,
		journalDir,
		warnings: resumed?.warnings ?? [],
		config,
		actions,
		runbook,
		presence,
		...(share ? {share} : {}),
		async close() {
			presence?.stop();
			await share?.stop();
			stopRecording();
			stopFollowing();
			await scheduler.stop();
			store.dispose();
			journal?.close();
		},
	};
}

/** The account's name when $USER is unset (cron, some SSH setups); null inside tests (empty env). */
function loginName(env: NodeJS.ProcessEnv): string | null {
	if (!env.HOME) return null;
	try {
		return userInfo().username;
	} catch {
		return null;
	}
}
