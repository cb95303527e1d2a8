// Pod logs in the demo, so `l`, `/` and pause can be tried without a
// cluster. The incident's API pods complain about the database pool; the
// others log ordinary traffic. Deterministic per pod, paced by the clock.
import {incidentDeployment} from './interventions.ts';
import {hash, unit} from './noise.ts';

export interface DemoLogView {
	readonly lines: string[];
	received: number;
	readonly error: string | null;
	ended: boolean;
	stop(): void;
}

const paths = ['/v1/applications', '/v1/documents', '/v1/kyc/checks', '/healthz', '/v1/sessions'];

function line(pod: string, n: number, at: number, troubled: boolean): string {
	const r = unit(hash(pod), n);
	const time = new Date(at).toISOString();
	const path = paths[Math.floor(unit(hash(pod), n + 7919) * paths.length)] ?? '/';
	if (troubled && r < 0.35)
		return `${time} ERROR db: acquire connection: timeout after 5000ms (pool 20/20 in use) path=${path}`;
	if (troubled && r < 0.45)
		return `${time} WARN  request slow path=${path} duration=${(4 + r * 10).toFixed(1)}s`;
	if (r < 0.03) return `${time} WARN  retrying upstream call path=${path} attempt=2`;
	const status = troubled && r < 0.6 ? 500 : 200;
	return `${time} INFO  ${status === 500 ? 'request failed' : 'request'} method=GET path=${path} status=${status} duration=${Math.round(5 + r * 80)}ms`;
}

/** `kubectl logs --tail=100 -f [--previous]` against the demo: a line every ~0.5 s. */
export function demoPodLogs(
	pod: {readonly namespace: string; readonly name: string},
	previous: boolean,
	onChange: () => void,
	now: () => number = Date.now,
): DemoLogView {
	const troubled =
		pod.namespace === incidentDeployment.namespace && pod.name.startsWith(incidentDeployment.name);
	const start = now();
	const view: DemoLogView = {lines: [], received: 0, error: null, ended: previous, stop: () => {}};
	const push = (text: string) => {
		view.lines.push(text);
		if (view.lines.length > 2000) view.lines.splice(0, view.lines.length - 2000);
		view.received++;
	};
	for (let n = 0; n < 100; n++) push(line(pod.name, n, start - (100 - n) * 500, troubled));
	if (previous) {
		push(`${new Date(start).toISOString()} FATAL db: pool exhausted for 60s, exiting`);
		return view;
	}
	let n = 100;
	const timer = setInterval(() => {
		push(line(pod.name, n++, now(), troubled));
		onChange();
	}, 500);
	timer.unref();
	view.stop = () => clearInterval(timer);
	return view;
}
