import {describe, expect, it} from 'vitest';
import {type Hint, statusLine} from '../../source/ui/components/status-bar.tsx';

const hints: Hint[] = [
	{text: 'r restart'},
	{text: 's scale'},
	{text: 'u undo'},
	{text: '/ filter'},
	{text: 'q quit'},
	{text: '? help', keep: true},
	{text: ': jump'},
];
const joined = (line: {message: string; hints: string}) =>
	line.message === ''
		? line.hints
		: line.hints === ''
			? line.message
			: `${line.message}  ${line.hints}`;

describe('the status line', () => {
	it('keeps an outcome whole and gives the hints the room it leaves, ? help always', () => {
		const outcome = '✗ Rollout restart deployment/onboarding-api: deployments.apps is forbidden';
		const line = statusLine(outcome, hints, 84);
		expect(line.message).toBe(outcome);
		expect(line.hints).toBe('? help');
		expect(joined(line).length).toBeLessThanOrEqual(84);
	});

	it('cuts only a message longer than the screen, leaving ? help', () => {
		const line = statusLine('x'.repeat(200), hints, 80);
		expect(line.message).toHaveLength(72);
		expect(line.message.endsWith('…')).toBe(true);
		expect(joined(line)).toHaveLength(80);
		expect(line.hints).toBe('? help');
	});

	it('shows whole hints in order while they fit, then the kept one', () => {
		expect(statusLine('', hints, 30).hints).toBe('r restart  s scale  ? help');
		expect(statusLine('ok', hints, 34).hints).toBe('r restart  s scale  ? help');
		const wide = statusLine('', hints, 200);
		expect(wide.hints).toBe(hints.map((h) => h.text).join('  '));
	});

	it('never writes past the width', () => {
		for (let width = 0; width <= 90; width++) {
			for (const message of ['', 'done', 'm'.repeat(60)]) {
				expect(joined(statusLine(message, hints, width)).length).toBeLessThanOrEqual(width);
			}
		}
	});
});
