export type AlertState = 'active' | 'suppressed' | 'unprocessed';

export interface AlertRow {
	readonly fingerprint: string;
	readonly name: string;
	readonly severity: string | null;
	readonly startsAt: number;
	readonly summary: string;
	readonly state: AlertState;
	readonly silenced: boolean;
	readonly inhibited: boolean;
}

export type AlertsData = readonly AlertRow[];
