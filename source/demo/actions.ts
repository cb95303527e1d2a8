import type {ActionConfig} from '../actions/configured/config.ts';

/**
 * The demo's configured actions (when the config has none): what a team's
 * `actions:` looks like, run for real but harmless (they only print), so the
 * inputs, the confirmation, the streaming output and cancel can be tried.
 */
export const demoActions: readonly ActionConfig[] = [
	{
		id: 'page-team',
		key: 'F',
		title: 'Page the owning team',
		scope: 'deployment',
		// The real one would be: kubectl annotate deployment {name} -n {namespace} team/paged={input.who}
		command: [
			'sh',
			'-c',
			'echo "demo: would run kubectl annotate deployment $1 -n $2 team/paged=$3"; for i in 1 2 3; do echo "paging $3 ($i/3)"; sleep 1; done; echo "paged $3"',
			'irtop-demo',
			'{name}',
			'{namespace}',
			'{input.who}',
		],
		shell: false,
		inputs: [
			{
				name: 'who',
				label: 'who to page',
				type: 'string',
				default: '@payments-oncall',
				required: true,
				validation: '^@[a-z0-9-]+$',
			},
		],
		mutating: true,
		timeoutMs: 60_000,
	},
	{
		id: 'smoke',
		key: 'ctrl+t',
		title: 'Smoke tests',
		scope: 'global',
		command: [
			'sh',
			'-c',
			'for t in login kyc-upload payments webhook; do echo "smoke: $t ok"; sleep 1; done; echo "4 passed"',
		],
		shell: false,
		inputs: [],
		mutating: false,
		timeoutMs: 60_000,
	},
];
