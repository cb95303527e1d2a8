// The Alertmanager source against the lab's real Alertmanager, with alerts
// and a silence of the test's own (a unique label), so other tests' alerts
// are neither touched nor counted.
import {afterAll, describe, expect, it} from 'vitest';
import type {AlertsData} from '../../../source/model/index.ts';
import {AlertmanagerSource, parseAlerts} from '../../../source/sources/alertmanager/source.ts';
import {describeLab, unique} from '../../support/lab.ts';

describeLab('alertmanager source', ['alertmanager'], (lab) => {
	const run = unique('t_am');
	const silences: string[] = [];
	const post = (path: string, body: unknown) =>
		fetch(`${lab.alertmanager.url}${path}`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify(body),
		});
	const alert = (name: string, endsAt?: Date) => ({
		labels: {alertname: name, severity: 'critical', test_run: run},
		annotations: {summary: `${name} is on fire`},
		startsAt: new Date(Date.now() - 60_000).toISOString(),
		...(endsAt ? {endsAt: endsAt.toISOString()} : {}),
	});
	const mine = (rows: AlertsData) => rows.filter((r) => r.name.startsWith(run));

	afterAll(async () => {
		await post('/api/v2/alerts', [
			alert(`${run}_fire`, new Date()),
			alert(`${run}_quiet`, new Date()),
		]);
		for (const id of silences)
			await fetch(`${lab.alertmanager.url}/api/v2/silence/${id}`, {method: 'DELETE'});
	});

	it('shows firing alerts, silenced ones as such, and puts firing and resolved on the timeline once', async () => {
		const events: {text: string; data: Record<string, unknown>}[] = [];
		const source = new AlertmanagerSource(lab.alertmanager.url, ({text, data}) =>
			events.push({text, data: {...data}}),
		);
		const silence = await post('/api/v2/silences', {
			matchers: [{name: 'alertname', value: `${run}_quiet`, isRegex: false, isEqual: true}],
			startsAt: new Date().toISOString(),
			endsAt: new Date(Date.now() + 600_000).toISOString(),
			createdBy: 'irtop-test',
			comment: 'test',
		});
		silences.push(((await silence.json()) as {silenceID: string}).silenceID);
		expect(
			(await post('/api/v2/alerts', [alert(`${run}_fire`), alert(`${run}_quiet`)])).status,
		).toBe(200);

		let rows = mine(await source.poll(AbortSignal.timeout(5000)));
		for (let i = 0; i < 20 && !rows.some((r) => r.silenced); i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			rows = mine(await source.poll(AbortSignal.timeout(5000)));
		}
		const fire = rows.find((r) => r.name === `${run}_fire`);
		const quiet = rows.find((r) => r.name === `${run}_quiet`);
		expect(fire).toMatchObject({
			severity: 'critical',
			summary: `${run}_fire is on fire`,
			state: 'active',
			silenced: false,
			inhibited: false,
		});
		expect(fire?.fingerprint).toMatch(/^[0-9a-f]+$/);
		expect(Math.abs((fire?.startsAt ?? 0) - (Date.now() - 60_000))).toBeLessThan(30_000);
		expect(quiet).toMatchObject({state: 'suppressed', silenced: true});

		await source.poll(AbortSignal.timeout(5000));
		const firing = events.filter(
			(e) => String(e.data.name).startsWith(run) && e.data.change === 'firing',
		);
		expect(firing.map((e) => e.data.name).sort()).toEqual([`${run}_fire`, `${run}_quiet`]);
		expect(firing.find((e) => e.data.name === `${run}_fire`)?.text).toBe(
			`firing: ${run}_fire (critical) · ${run}_fire is on fire`,
		);

		await post('/api/v2/alerts', [alert(`${run}_fire`, new Date(Date.now() - 1000))]);
		for (
			let i = 0;
			i < 20 &&
			mine(await source.poll(AbortSignal.timeout(5000))).some((r) => r.name === `${run}_fire`);
			i++
		) {
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await source.poll(AbortSignal.timeout(5000));
		const resolved = events.filter(
			(e) => e.data.name === `${run}_fire` && e.data.change === 'resolved',
		);
		expect(resolved).toHaveLength(1);
		expect(resolved[0]?.data.fingerprint).toBe(fire?.fingerprint);
	});
});

describe('alertmanager answers', () => {
	it('turns garbage into errors, not crashes', () => {
		expect(() => parseAlerts({status: 'ok'})).toThrow(/not a list of alerts/);
		expect(() => parseAlerts([{labels: {}}])).toThrow(/without a fingerprint/);
		expect(parseAlerts([{fingerprint: 'ab', labels: 'x', status: null}])).toEqual([
			{
				fingerprint: 'ab',
				name: '(no alertname)',
				severity: null,
				startsAt: 0,
				summary: '',
				state: 'unprocessed',
				silenced: false,
				inhibited: false,
			},
		]);
	});

	it('an unreachable Alertmanager is an error naming it without credentials', async () => {
		const source = new AlertmanagerSource('http://user:pw-secret@127.0.0.1:59999', () => {});
		const error = await source.poll(AbortSignal.timeout(2000)).catch((e: Error) => e);
		expect(String(error)).toMatch(/127\.0\.0\.1:59999.*ECONNREFUSED/);
		expect(String(error)).not.toContain('pw-secret');
	});
});
