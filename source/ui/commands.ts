import type {MitigationName} from '../actions/mitigations.ts';
import type {PanelId} from './panel-ids.ts';

/**
 * Where a command applies. Precedence when keys collide: a modal overlay,
 * then the focused panel, then global.
 */
export type CommandScope =
	| 'global'
	| 'panel'
	| PanelId
	/** Panels whose rows are pods (Pods, Top). */
	| 'pod'
	| 'confirm'
	| 'prompt'
	| 'note'
	| 'logs'
	| 'describe'
	| 'help'
	/** A configured action's or check's output. */
	| 'output'
	/** The actions of a runbook step (Enter in `:runbook`). */
	| 'step-actions';

/** A configured action (`actions:` in the config) in the table: `action:<its id>`. */
export type ConfiguredCommandId = `action:${string}`;
export type AnyCommandId = CommandId | ConfiguredCommandId;

export interface Command {
	readonly id: AnyCommandId;
	/** Key names as `matchKey` understands them: "q", "ctrl+c", "shift+tab", "down", "1". */
	readonly keys: readonly string[];
	readonly description: string;
	readonly scope: CommandScope;
	/** Changes a system: hidden by --read-only, always confirmed. */
	readonly mutating?: boolean;
	/** Short label for the status bar; commands without one are only in the help. */
	readonly hint?: string;
	/** The mitigation it offers: its key is shown disabled when the backend says it is denied. */
	readonly mitigation?: MitigationName;
}

/** The one table behind key handling, the status bar, the `?` help and the README. */
export const commands = [
	{id: 'quit', keys: ['q', 'ctrl+c'], description: 'Quit irtop', scope: 'global', hint: 'quit'},
	{id: 'help', keys: ['?'], description: 'Show or hide this help', scope: 'global', hint: 'help'},
	{
		id: 'jump',
		keys: [':'],
		description: 'Jump to a panel by name (:pods, :deploy, :db …)',
		scope: 'global',
		hint: 'jump',
	},
	{id: 'focus-next', keys: ['tab'], description: 'Focus the next panel', scope: 'global'},
	{
		id: 'focus-previous',
		keys: ['shift+tab'],
		description: 'Focus the previous panel',
		scope: 'global',
	},
	{
		id: 'focus-number',
		keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
		description: 'Focus panel N',
		scope: 'global',
	},
	{id: 'refresh', keys: ['ctrl+r'], description: 'Refresh every source now', scope: 'global'},
	{id: 'down', keys: ['j', 'down'], description: 'Move down in the focused panel', scope: 'panel'},
	{id: 'up', keys: ['k', 'up'], description: 'Move up in the focused panel', scope: 'panel'},
	{
		id: 'page-down',
		keys: ['pagedown', 'ctrl+d'],
		description: 'Move down one page',
		scope: 'panel',
	},
	{id: 'page-up', keys: ['pageup', 'ctrl+u'], description: 'Move up one page', scope: 'panel'},
	{id: 'top', keys: ['g', 'home'], description: 'Go to the first row', scope: 'panel'},
	{id: 'bottom', keys: ['G', 'end'], description: 'Go to the last row', scope: 'panel'},
	{
		id: 'filter',
		keys: ['/'],
		description: 'Filter the focused panel',
		scope: 'panel',
		hint: 'filter',
	},
	{
		id: 'zoom',
		keys: ['z', 'enter'],
		description: 'Zoom the focused panel to the whole screen, or back',
		scope: 'panel',
		hint: 'zoom',
	},
	{
		id: 'clear',
		keys: ['escape'],
		description: 'Close the overlay, or clear the filter, or unzoom',
		scope: 'global',
	},
	{
		id: 'note',
		keys: ['n'],
		description: 'Write a note on the incident timeline (saved to disk before shown)',
		scope: 'global',
	},
	{
		id: 'amend-note',
		keys: ['A'],
		description: 'Amend the last note (the amendment is recorded too)',
		scope: 'global',
	},
	{
		id: 'open-incident',
		keys: ['i'],
		description: 'Open an incident: title, then optional P0-P3 and @owner',
		scope: 'global',
	},
	{
		id: 'status-next',
		keys: ['S'],
		description: 'Incident status: investigating → identified → monitoring → resolved',
		scope: 'global',
	},
	{id: 'severity', keys: ['P'], description: 'Change the incident severity', scope: 'global'},
	{id: 'retitle', keys: ['T'], description: 'Change the incident title', scope: 'global'},
	{id: 'mitigated', keys: ['M'], description: 'Mark the incident mitigated now', scope: 'global'},
	{
		id: 'export',
		keys: ['e'],
		description: 'Export the post-mortem (Markdown) next to the journal',
		scope: 'global',
	},
	{
		id: 'notify-slack',
		keys: ['U'],
		description: 'Post a status update to Slack (previewed, confirmed)',
		scope: 'global',
		mutating: true,
	},
	{
		id: 'notify-statuspage',
		keys: ['W'],
		description: 'Create or update the status page incident (previewed, confirmed)',
		scope: 'global',
		mutating: true,
	},
	{
		id: 'pin',
		keys: ['p'],
		description: 'Pin or unpin the selected timeline event (key moments in the export)',
		scope: 'timeline',
		hint: 'pin',
	},
	{id: 'save-note', keys: ['enter'], description: 'Save the note', scope: 'note', hint: 'save'},
	{
		id: 'note-newline',
		keys: ['alt+enter'],
		description: 'New line in the note (pasting keeps lines too)',
		scope: 'note',
		hint: 'new line',
	},
	{
		id: 'cancel-note',
		keys: ['escape'],
		description: 'Close the note without saving',
		scope: 'note',
		hint: 'cancel',
	},
	{
		id: 'toggle-problems',
		keys: ['a'],
		description: 'Pods: show all pods or only problem pods',
		scope: 'pods',
		hint: 'all/problems',
	},
	{
		id: 'restart',
		keys: ['r'],
		description: 'Rollout restart the deployment, statefulset or daemonset (confirmed)',
		scope: 'deployments',
		mutating: true,
		mitigation: 'restartDeployment',
		hint: 'restart',
	},
	{
		id: 'scale',
		keys: ['s'],
		description: 'Scale the deployment or statefulset (prompts for replicas, confirmed)',
		scope: 'deployments',
		mutating: true,
		mitigation: 'scaleDeployment',
		hint: 'scale',
	},
	{
		id: 'undo',
		keys: ['u'],
		description: 'Rollout undo to the previous revision (shows the images, confirmed)',
		scope: 'deployments',
		mutating: true,
		mitigation: 'undoDeployment',
	},
	{
		id: 'circuit-breaker',
		keys: ['b'],
		description: 'Circuit breaker on: set its env vars on the deployment (confirmed)',
		scope: 'deployments',
		mutating: true,
		mitigation: 'circuitBreaker',
	},
	{
		id: 'memory-limit',
		keys: ['m'],
		description: 'Set the memory limit of its containers (prompts, confirmed)',
		scope: 'deployments',
		mutating: true,
		mitigation: 'setMemoryLimit',
	},
	{
		id: 'rate-limit',
		keys: ['L'],
		description: "Set the ingress controller's limit-rps and restart it (prompts, confirmed)",
		scope: 'global',
		mutating: true,
		mitigation: 'rateLimit',
	},
	{
		id: 'logs',
		keys: ['l'],
		description: 'Logs of the pod: last 100 lines, followed, ERROR lines highlighted',
		scope: 'pod',
		hint: 'logs',
	},
	{
		id: 'deployment-logs',
		keys: ['l'],
		description: 'Logs of one of its pods, the one `kubectl logs deployment/NAME` picks',
		scope: 'deployments',
	},
	{
		id: 'describe',
		keys: ['d'],
		description:
			'Describe the pod: conditions, container states, resources, CPU throttling, events',
		scope: 'pod',
		hint: 'describe',
	},
	{id: 'describe-down', keys: ['j', 'down'], description: 'Scroll down a line', scope: 'describe'},
	{id: 'describe-up', keys: ['k', 'up'], description: 'Scroll up a line', scope: 'describe'},
	{
		id: 'describe-page-down',
		keys: ['pagedown', 'ctrl+d', 'space'],
		description: 'Scroll down a page',
		scope: 'describe',
	},
	{
		id: 'describe-page-up',
		keys: ['pageup', 'ctrl+u'],
		description: 'Scroll up a page',
		scope: 'describe',
	},
	{
		id: 'describe-close',
		keys: ['escape', 'd'],
		description: 'Close the describe view',
		scope: 'describe',
		hint: 'close',
	},
	{
		id: 'logs-previous',
		keys: ['p'],
		description: 'Logs of the previous container (--previous), or back',
		scope: 'logs',
		hint: 'previous',
	},
	{
		id: 'logs-search',
		keys: ['/'],
		description: 'Search the log: only lines containing the text (Esc clears it)',
		scope: 'logs',
		hint: 'search',
	},
	{
		id: 'logs-pause',
		keys: ['space'],
		description: 'Pause or resume following (lines are still read while paused)',
		scope: 'logs',
		hint: 'pause',
	},
	{id: 'logs-up', keys: ['k', 'up'], description: 'Scroll up a line (pauses)', scope: 'logs'},
	{id: 'logs-down', keys: ['j', 'down'], description: 'Scroll down a line', scope: 'logs'},
	{
		id: 'logs-page-up',
		keys: ['pageup', 'ctrl+u'],
		description: 'Scroll up a page (pauses)',
		scope: 'logs',
	},
	{
		id: 'logs-page-down',
		keys: ['pagedown', 'ctrl+d'],
		description: 'Scroll down a page',
		scope: 'logs',
	},
	{
		id: 'logs-follow',
		keys: ['G', 'end'],
		description: 'Back to the newest line, following',
		scope: 'logs',
	},
	{
		id: 'logs-close',
		keys: ['escape', 'l'],
		description: 'Clear the search, or close the logs',
		scope: 'logs',
		hint: 'close',
	},
	{id: 'help-down', keys: ['j', 'down'], description: 'Scroll the help down a line', scope: 'help'},
	{id: 'help-up', keys: ['k', 'up'], description: 'Scroll the help up a line', scope: 'help'},
	{
		id: 'help-page-down',
		keys: ['pagedown', 'ctrl+d', 'space'],
		description: 'Scroll the help down a page',
		scope: 'help',
	},
	{
		id: 'help-page-up',
		keys: ['pageup', 'ctrl+u'],
		description: 'Scroll the help up a page',
		scope: 'help',
	},
	{
		id: 'delete-pod',
		keys: ['x'],
		description: 'Delete the pod (confirmed)',
		scope: 'pod',
		mutating: true,
		mitigation: 'deletePod',
	},
	{
		id: 'top-sort',
		keys: ['o'],
		description: 'Top: sort by CPU or by memory',
		scope: 'top',
		hint: 'cpu/mem',
	},
	{
		id: 'search-query',
		keys: ['/'],
		description: "Logs search: a query_string query, ANDed with the runbook's (Enter runs it)",
		scope: 'search',
		hint: 'query',
	},
	{
		id: 'search-reset',
		keys: ['a'],
		description: "Logs search: back to the runbook's query (ERROR, last hour, every namespace)",
		scope: 'search',
		hint: 'runbook query',
	},
	{
		id: 'search-pod',
		keys: ['E'],
		description: "The pod's ERROR lines in the log store (opens :search narrowed to it)",
		scope: 'pod',
	},
	{
		id: 'search-deployment',
		keys: ['E'],
		description: "The deployment's ERROR lines in the log store (by namespace and app label)",
		scope: 'deployments',
	},
	{
		id: 'renew-certificate',
		keys: ['r'],
		description: 'Force renewal: delete the Certificate so cert-manager reissues it (confirmed)',
		scope: 'certs',
		mutating: true,
		mitigation: 'renewCertificate',
		hint: 'renew',
	},
	{
		id: 'extend-pvc',
		keys: ['e'],
		description:
			'Disk: extend the selected PVC (prompts for the size; kubectl patch pvc, confirmed)',
		scope: 'disk',
		mutating: true,
		mitigation: 'extendPvc',
		hint: 'extend PVC',
	},
	{
		id: 'delete-rotated-logs',
		keys: ['D'],
		description:
			'Disk: delete the rotated logs counted (*.gz older than 30 days), find … -delete (confirmed)',
		scope: 'disk',
		mutating: true,
		mitigation: 'deleteRotatedLogs',
		hint: 'delete old logs',
	},
	{
		id: 'pg-cancel',
		keys: ['c'],
		description: "Cancel the selected backend's query: pg_cancel_backend (confirmed)",
		scope: 'db',
		mutating: true,
		mitigation: 'cancelQuery',
		hint: 'cancel query',
	},
	{
		id: 'pg-terminate',
		keys: ['x'],
		description: 'Terminate the selected backend: pg_terminate_backend (confirmed)',
		scope: 'db',
		mutating: true,
		mitigation: 'terminateBackend',
	},
	{
		id: 'pg-terminate-idle',
		keys: ['I'],
		description: "Terminate idle connections older than 30 min, the runbook's SQL (confirmed)",
		scope: 'db',
		mutating: true,
		mitigation: 'terminateIdle',
	},
	{
		id: 'pg-raise-max-connections',
		keys: ['C'],
		description:
			'Raise max_connections: ALTER SYSTEM, then the rollout restart of postgres.workload (prompts, confirmed)',
		scope: 'db',
		mutating: true,
		mitigation: 'raiseMaxConnections',
		hint: 'max conn',
	},
	{
		id: 'check-output',
		keys: ['enter'],
		description: 'The output of the selected configured check (Enter elsewhere zooms)',
		scope: 'alerts',
	},
	{
		id: 'action-output',
		keys: ['O'],
		description: 'The output of the running (or last) configured action',
		scope: 'global',
	},
	{id: 'output-up', keys: ['k', 'up'], description: 'Scroll the output up a line', scope: 'output'},
	{
		id: 'output-down',
		keys: ['j', 'down'],
		description: 'Scroll the output down a line',
		scope: 'output',
	},
	{
		id: 'output-page-up',
		keys: ['pageup', 'ctrl+u'],
		description: 'Scroll the output up a page',
		scope: 'output',
	},
	{
		id: 'output-page-down',
		keys: ['pagedown', 'ctrl+d'],
		description: 'Scroll the output down a page',
		scope: 'output',
	},
	{
		id: 'output-follow',
		keys: ['G', 'end'],
		description: 'Back to the newest output line',
		scope: 'output',
	},
	{
		id: 'output-cancel',
		keys: ['ctrl+c'],
		description: 'Cancel the running action: SIGTERM to its process group, SIGKILL after 5 s',
		scope: 'output',
		hint: 'cancel',
	},
	{
		id: 'output-close',
		keys: ['escape', 'q'],
		description: 'Close the output; a running action keeps running (O shows it again)',
		scope: 'output',
		hint: 'detach',
	},
	{
		id: 'runbook',
		keys: ['R'],
		description:
			'The runbook: each step todo, done (when), by hand, blocked; the next one selected',
		scope: 'global',
		hint: 'runbook',
	},
	{
		id: 'runbook-toggle',
		keys: ['x'],
		description:
			'Runbook: mark the step done by hand, or not done again (recorded on the timeline)',
		scope: 'runbook',
		hint: 'done by hand',
	},
	{
		id: 'runbook-actions',
		keys: ['enter'],
		description: "Runbook: the step's actions (built-in or configured, each confirmed)",
		scope: 'runbook',
		hint: 'actions',
	},
	{
		id: 'step-action-down',
		keys: ['j', 'down'],
		description: 'Next action',
		scope: 'step-actions',
	},
	{id: 'step-action-up', keys: ['k', 'up'], description: 'Previous action', scope: 'step-actions'},
	{
		id: 'step-action-run',
		keys: ['enter'],
		description: 'Run the chosen action (through its prompt and confirmation)',
		scope: 'step-actions',
		hint: 'choose',
	},
	{
		id: 'step-action-close',
		keys: ['escape'],
		description: "Close the step's actions",
		scope: 'step-actions',
		hint: 'close',
	},
	{id: 'confirm', keys: ['y'], description: 'Run the action shown', scope: 'confirm', hint: 'run'},
	{id: 'cancel', keys: ['n', 'escape'], description: 'Cancel', scope: 'confirm', hint: 'cancel'},
	{id: 'submit', keys: ['enter'], description: 'Accept the input', scope: 'prompt', hint: 'accept'},
	{
		id: 'complete',
		keys: ['tab'],
		description: 'Complete the panel name',
		scope: 'prompt',
		hint: 'complete',
	},
	{
		id: 'dismiss',
		keys: ['escape'],
		description: 'Close the prompt',
		scope: 'prompt',
		hint: 'close',
	},
] as const satisfies readonly (Omit<Command, 'id'> & {id: string})[];

export type CommandId = (typeof commands)[number]['id'];

// The configured actions' rows, installed once from the config when the UI starts (installConfiguredCommands).
let configured: readonly Command[] = [];

/** Puts the configured actions' rows into the table (ui/configured-commands.ts builds them). */
export function installConfiguredCommands(rows: readonly Command[]): void {
	configured = rows;
}

export const isConfiguredCommand = (id: AnyCommandId): id is ConfiguredCommandId =>
	id.startsWith('action:');

export function commandById(id: CommandId): Command {
	const command = commands.find((c) => c.id === id);
	if (!command) throw new Error(`unknown command ${id}`);
	return command;
}

/** The commands a user can use, without the mutating ones in read-only mode. */
export function availableCommands(readOnly: boolean): readonly Command[] {
	return [...commands, ...configured].filter((c: Command) => !(readOnly && c.mutating));
}
