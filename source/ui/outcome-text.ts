import type {Action} from '../actions/action.ts';

/**
 * The status line after an action: "✓ Rollout restart: deployment.apps/api
 * restarted". The object is named once, by the outcome when it already does
 * (kubectl's and the API server's messages do), so the line fits 80 columns.
 */
export function outcomeText(action: Action, ok: boolean, message: string): string {
	const name = action.target.object.split('/').at(-1) ?? '';
	const what =
		name !== '' && message.includes(name)
			? action.title
			: `${action.title} ${action.target.object}`;
	return `${ok ? '✓' : '✗'} ${what}: ${message}`;
}
