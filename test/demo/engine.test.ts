import {describe, expect, it} from 'vitest';
import {DemoWorld, demoSources} from '../../source/demo/index.ts';
import {historyKey} from '../../source/engine/history.ts';
import {Scheduler} from '../../source/engine/scheduler.ts';
import {Store} from '../../source/engine/store.ts';
import {sourceIds} from '../../source/model/index.ts';

describe('demo through the real engine', () => {
	it('fills every slot of the store with one complete poll', async () => {
		const world = new DemoWorld(Date.now() - 150_000);
		const store = new Store();
		const scheduler = new Scheduler(store, demoSources(world), {intervalMs: 2000});
		await scheduler.pollOnce();
		const {slots, history} = store.getSnapshot();
		for (const id of sourceIds) expect(slots[id].phase, id).toBe('ok');
		const kubernetes = slots.kubernetes;
		expect(kubernetes.phase === 'ok' && kubernetes.data?.context).toBe('demo');
		expect(history[historyKey.errors('onboarding-api')]?.[0]).toBeGreaterThan(0.01);
		expect(history[historyKey.connections]?.[0]).toBeGreaterThan(40);
		await scheduler.stop();
		store.dispose();
	});
});
