import type {ActionOutcome} from '../../actions/action.ts';
import {describeError} from './watched.ts';

/** Runs one API change; the API server's own error message is the outcome, never a crash. */
export async function attempt(change: () => Promise<string>): Promise<ActionOutcome> {
	try {
		return {ok: true, message: await change()};
	} catch (error) {
		return {ok: false, message: describeError(error)};
	}
}
