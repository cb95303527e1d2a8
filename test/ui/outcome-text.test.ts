import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/actions/action.ts';
import {outcomeText} from '../../source/ui/outcome-text.ts';

const restart: Action = {
	id: 'restart',
	title: 'Rollout restart',
	target: {context: 'prod', namespace: 'business-onboarding', object: 'deployment/onboarding-api'},
	command: 'kubectl rollout restart deployment/onboarding-api -n business-onboarding',
	run: async () => ({ok: true, message: ''}),
};

describe('the line after an action', () => {
	it('names the object once when the outcome already does', () => {
		expect(outcomeText(restart, true, 'deployment.apps/onboarding-api restarted')).toBe(
			'✓ Rollout restart: deployment.apps/onboarding-api restarted',
		);
	});

	it('names the object when the outcome does not', () => {
		expect(outcomeText(restart, false, 'connect ECONNREFUSED 127.0.0.1:6443')).toBe(
			'✗ Rollout restart deployment/onboarding-api: connect ECONNREFUSED 127.0.0.1:6443',
		);
	});
});
