import type {MaxConnectionsRaise, MaxConnectionsSetting} from '../../model/index.ts';

/**
 * A raise of max_connections irtop started, followed across polls: written
 * with ALTER SYSTEM (pending_restart), then applied once the server runs with
 * the new value, or not applied when the server restarted (a new
 * pg_postmaster_start_time) with another value. The source shows it, and
 * cli/max-connections-events.ts records each phase on the timeline.
 */
export class MaxConnectionsTracker {
	#raise: MaxConnectionsRaise | undefined;
	#last: MaxConnectionsSetting | undefined;

	/** The last max_connections setting a poll read (the key's "set on the command line" check). */
	get last(): MaxConnectionsSetting | undefined {
		return this.#last;
	}

	started(raise: Omit<MaxConnectionsRaise, 'phase' | 'id'>): void {
		this.#raise = {...raise, id: `${raise.at}`, phase: 'pending-restart'};
	}

	/** Each poll's reading; returns the raise as it stands, if there is one. */
	seen(setting: MaxConnectionsSetting): MaxConnectionsRaise | undefined {
		this.#last = setting;
		const raise = this.#raise;
		if (raise?.phase !== 'pending-restart') return raise;
		if (setting.value === raise.to) this.#raise = {...raise, phase: 'applied'};
		else if (setting.serverStartedAt !== raise.serverStartedAt)
			this.#raise = {...raise, phase: 'not-applied', after: setting.value};
		return this.#raise;
	}
}
