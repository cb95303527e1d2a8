import {mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Timeline} from './timeline.ts';

/** A heartbeat every 5 s; a responder silent for 15 s (killed, SSH gone) is no longer shown. */
export const heartbeatMs = 5_000;
export const expiryMs = 15_000;

/**
 * Who else is on the incident on this host: one file per irtop process beside the
 * journal (`<id>.presence/<user@host>~<pid>`), touched every 5 s. The timeline records
 * this process's join and its orderly leave; a process that vanished without one is
 * recorded as gone by whoever notices first (one event: its id names the process).
 */
export class Presence {
	readonly #dir: string;
	readonly #who: string;
	readonly #timeline: Timeline;
	#incident: string | null = null;
	#timer: NodeJS.Timeout | null = null;
	#others: string[] = [];
	readonly #seen = new Set<string>();
	readonly #file: string;
	#readAt = 0;

	constructor(dir: string, who: string, timeline: Timeline) {
		this.#dir = dir;
		this.#who = who;
		this.#timeline = timeline;
		// One file per process (and per session in it): the pid, plus randomness for tests.
		this.#file = `${encodeURIComponent(who)}~${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	}

	/** user@host of the others on this incident now (this process excluded). */
	readonly others = (): readonly string[] => {
		// The header asks every second: a leave shows within a second, not at the next beat.
		const id = this.#incident;
		if (id && Date.now() - this.#readAt >= 1000) this.#others = this.#read(id);
		return this.#others;
	};

	start(): void {
		this.#timer = setInterval(() => this.#beat(), heartbeatMs);
		this.#timer.unref();
		this.#beat();
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.#leave();
	}

	#folder(id: string) {
		return join(this.#dir, `${id}.presence`);
	}

	#beat(): void {
		const id = this.#timeline.incident?.id ?? null;
		if (id !== this.#incident) {
			this.#leave();
			this.#incident = id;
			if (id) this.#join(id);
		}
		if (!id) return;
		const mine = join(this.#folder(id), this.#file);
		try {
			const now = new Date();
			utimesSync(mine, now, now);
		} catch {
			this.#touch(id);
		}
		this.#others = this.#read(id);
	}

	#touch(id: string): void {
		try {
			mkdirSync(this.#folder(id), {recursive: true, mode: 0o770});
			writeFileSync(join(this.#folder(id), this.#file), '', {mode: 0o660});
		} catch {
			// Presence is a courtesy: a read-only or full disk must not stop the dashboard.
		}
	}

	#read(id: string): string[] {
		const folder = this.#folder(id);
		const alive = new Set<string>();
		let names: string[] = [];
		try {
			names = readdirSync(folder);
		} catch {
			return [];
		}
		const now = Date.now();
		this.#readAt = now;
		for (const name of names) {
			if (name === this.#file) continue;
			const who = decodeURIComponent(name.replace(/~[^~]*$/, ''));
			let age: number;
			try {
				age = now - statSync(join(folder, name)).mtimeMs;
			} catch {
				continue;
			}
			if (age <= expiryMs) {
				alive.add(who);
				this.#seen.add(name);
			} else if (this.#seen.has(name)) {
				// It vanished without leaving: say so once (the id is the same whoever notices).
				this.#seen.delete(name);
				this.#record(
					`${who} left (no heartbeat for ${Math.round(expiryMs / 1000)} s)`,
					`presence:${id}:${name}:gone`,
				);
				rmSync(join(folder, name), {force: true});
			}
		}
		return [...alive].sort();
	}

	#join(id: string): void {
		this.#touch(id);
		this.#record(`${this.#who} joined`);
	}

	#leave(): void {
		const id = this.#incident;
		if (!id) return;
		rmSync(join(this.#folder(id), this.#file), {force: true});
		this.#record(`${this.#who} left`);
		this.#incident = null;
	}

	#record(text: string, eventId?: string): void {
		try {
			this.#timeline.append({id: eventId, kind: 'observation', text, data: {presence: true}});
		} catch {
			// The journal failed; the next note says so.
		}
	}
}
