import {formatAge} from '../../format/duration.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import {certificateOrder, certificateProblem} from './certs.ts';
import {diskProblemLines} from './disk-problems.ts';
import {endpointlessLines} from './endpointless.ts';
import type {PanelDefinition, PanelLine} from './panel.ts';
import {dataOf} from './panel.ts';

/** Firing alerts first, then the quick health checks (the runbook's curl -f …/health). */
export const alertsPanel: PanelDefinition = {
	id: 'alerts',
	title: 'Alerts & health',
	sources: ['alerts', 'health'],
	alsoReads: ['kubernetes', 'disk'],
	view(context, width) {
		const alerts = (dataOf(context, 'alerts') ?? []).toSorted((a, b) => a.startsAt - b.startsAt);
		const checks = dataOf(context, 'health') ?? [];
		const alertLines: PanelLine[] = alerts.map((a) => {
			const muted = a.silenced ? ' [silenced]' : a.inhibited ? ' [inhibited]' : '';
			const head = `▲ ${sanitizeLine(a.name)} ${sanitizeLine(a.severity ?? '')} ${formatAge(context.now - a.startsAt)}${muted}`;
			return {
				key: `alert:${a.fingerprint}`,
				text: fitWidth(`${head} · ${sanitizeLine(a.summary)}`, width),
				tone: a.state === 'active' ? 'error' : 'dim',
				match: `${a.name} ${a.severity ?? ''} ${a.summary}`,
				selection: {kind: 'alert', name: a.name, namespace: null},
			};
		});
		const checkLines: PanelLine[] = checks.map((c) => {
			const latency = c.latencyMs === null ? '' : ` ${Math.round(c.latencyMs)}ms`;
			const cert = c.certDaysLeft === null ? '' : ` cert ${c.certDaysLeft}d`;
			return {
				key: `health:${c.name}`,
				text: fitWidth(
					`${c.ok ? '✓' : '✗'} ${sanitizeLine(c.name)} ${sanitizeLine(c.detail)}${latency}${cert}`,
					width,
				),
				tone: c.ok ? (c.certDaysLeft !== null && c.certDaysLeft < 14 ? 'warn' : 'ok') : 'error',
				match: `${c.name} ${c.detail}`,
				selection: {kind: 'check', name: c.name, checkKind: c.kind ?? null},
			};
		});
		// cert-manager's Certificates in trouble are alerts too (the runbook's expiry step): details in :certs.
		const certLines: PanelLine[] = (dataOf(context, 'kubernetes')?.certificates ?? [])
			.filter((c) => certificateProblem(c, context.now) !== null)
			.toSorted(certificateOrder(context.now))
			.map((c) => {
				const problem = certificateProblem(c, context.now) ?? '';
				const left =
					c.notAfter === null || c.notAfter <= context.now
						? ''
						: ` · expires in ${formatAge(c.notAfter - context.now)}`;
				return {
					key: `cert:${c.namespace}/${c.name}`,
					text: fitWidth(
						`⚠ cert ${sanitizeLine(c.namespace)}/${sanitizeLine(c.name)} ${problem}${left} (:certs)`,
						width,
					),
					tone: problem === 'expiring' ? 'warn' : 'error',
					match: `certificate ${c.namespace} ${c.name} ${problem}`,
				};
			});
		// A filesystem or claim ≥ 85 % full is the runbook's disk step: details in :disk.
		const diskLines = diskProblemLines(dataOf(context, 'disk'), width);
		const serviceLines = endpointlessLines(
			dataOf(context, 'kubernetes')?.servicesWithoutEndpoints ?? [],
			context.now,
			width,
		);
		const firing = alerts.filter((a) => a.state === 'active').length;
		const failing = checks.filter((c) => !c.ok).length;
		const down = serviceLines.length;
		return {
			summary: `${firing} firing · ${failing} failing check${failing === 1 ? '' : 's'}${
				down > 0 ? ` · ${down} svc down` : ''
			}${
				certLines.length > 0
					? ` · ${certLines.length} cert${certLines.length === 1 ? '' : 's'}`
					: ''
			}${diskLines.length > 0 ? ` · ${diskLines.length} disk${diskLines.length === 1 ? '' : 's'}` : ''}`,
			summaryTone:
				firing + failing + down > 0
					? 'error'
					: certLines.length + diskLines.length > 0
						? 'warn'
						: 'ok',
			lines: [...alertLines, ...serviceLines, ...certLines, ...diskLines, ...checkLines],
			empty: 'no alerts firing, no checks configured',
		};
	},
};
