// The lab's traffic exporter: a process of its own (started by lab:up) serving
//   GET  /metrics  Prometheus metrics of simulated traffic
//   GET  /health   the API gateway health check irtop's config lists (200, or 503 when set down)
//   GET  /control  current settings
//   POST /control  {service, errorRatio?, p99?, rps?} or {healthy: false};
//                  {throttle: [{namespace, pod, container, ratio}]} sets cAdvisor's CFS counters;
//                  {reset: true[, service]} restores the defaults (of one service)
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {parseArgs} from 'node:util';
import {Cadvisor, parseThrottle} from './cadvisor.ts';
import {renderMetrics} from './metrics.ts';
import {Traffic} from './traffic.ts';

// --lab names the lab directory this process belongs to, so lab:down can recognise it.
const {values} = parseArgs({
	options: {port: {type: 'string', default: '19101'}, lab: {type: 'string'}},
});
const traffic = new Traffic();
const cadvisor = new Cadvisor();
let healthy = true;

const tickMs = 100;
let last = performance.now();
setInterval(() => {
	const now = performance.now();
	traffic.tick((now - last) / 1000);
	cadvisor.tick((now - last) / 1000);
	last = now;
}, tickMs);

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
	res.writeHead(status, {'content-type': type});
	res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function settingsJson() {
	return {
		healthy,
		services: Object.fromEntries(traffic.settings),
		throttled: cadvisor.containers,
	};
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	let body = '';
	for await (const chunk of req) body += chunk;
	const parsed: unknown = body ? JSON.parse(body) : {};
	if (typeof parsed !== 'object' || parsed === null) throw new Error('expected a JSON object');
	return parsed as Record<string, unknown>;
}

function fraction(value: unknown, name: string, max = Number.POSITIVE_INFINITY): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
		throw new Error(`${name} must be a number between 0 and ${max}`);
	}
	return value;
}

function control(body: Record<string, unknown>): void {
	if (body.reset === true) {
		// {reset: true, service} resets one service, so one scenario's reset spares another's.
		traffic.reset(
			typeof body.service === 'string' && body.service !== '*' ? body.service : undefined,
		);
		if (body.service === undefined) {
			healthy = true;
			cadvisor.set([]);
		}
		return;
	}
	if (body.throttle !== undefined) cadvisor.set(parseThrottle(body.throttle));
	if (typeof body.healthy === 'boolean') healthy = body.healthy;
	if (body.service === undefined) return;
	const names = body.service === '*' ? [...traffic.settings.keys()] : [String(body.service)];
	for (const name of names) {
		const s = traffic.settings.get(name);
		if (!s) throw new Error(`unknown service "${name}"`);
		if (body.errorRatio !== undefined) s.errorRatio = fraction(body.errorRatio, 'errorRatio', 1);
		if (body.p99 !== undefined) s.p99 = fraction(body.p99, 'p99', 60);
		if (body.rps !== undefined) s.rps = fraction(body.rps, 'rps', 10_000);
	}
}

const server = createServer(async (req, res) => {
	const path = new URL(req.url ?? '/', 'http://x').pathname;
	try {
		if (req.method === 'GET' && path === '/metrics') {
			send(res, 200, renderMetrics(traffic, cadvisor), 'text/plain; version=0.0.4');
		} else if (req.method === 'GET' && path === '/health') {
			send(res, healthy ? 200 : 503, {status: healthy ? 'ok' : 'down'});
		} else if (req.method === 'GET' && path === '/control') {
			send(res, 200, settingsJson());
		} else if (req.method === 'POST' && path === '/control') {
			control(await readJson(req));
			send(res, 200, settingsJson());
		} else {
			send(res, 404, {error: 'not found'});
		}
	} catch (error) {
		send(res, 400, {error: error instanceof Error ? error.message : String(error)});
	}
});

server.listen(Number(values.port), '127.0.0.1', () => {
	console.log(`exporter listening on 127.0.0.1:${values.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	// Prometheus holds keep-alive connections open; nothing here needs a graceful close.
	process.on(signal, () => process.exit(0));
}
