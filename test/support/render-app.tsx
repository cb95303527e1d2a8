import {render} from 'ink-testing-library';
import type {Mitigations} from '../../source/actions/mitigations.ts';
import {Store} from '../../source/engine/store.ts';
import {type SourceDataMap, sourceIds} from '../../source/model/index.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {App} from '../../source/ui/app.tsx';
import type {CommandId} from '../../source/ui/commands.ts';
import {type AppServices, ServicesContext} from '../../source/ui/services.ts';
import {commandKeys} from './keys.ts';

export interface RenderOptions {
	readonly columns: number;
	readonly rows: number;
	readonly data?: Partial<SourceDataMap>;
	readonly store?: Store;
	readonly timeline?: Timeline;
	readonly mitigations?: Mitigations;
	readonly podLogs?: AppServices['podLogs'];
	readonly readOnly?: boolean;
	readonly now?: number;
	/** Extra services (notifiers, escalation contacts …). */
	readonly services?: Partial<AppServices>;
}

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** Renders the whole app at a fixed terminal size; keys are pressed by command id. */
export async function renderApp(options: RenderOptions) {
	// A fixed time when the test gives one; the real clock otherwise.
	const clock = options.now === undefined ? Date.now : () => options.now as number;
	const now = clock();
	const store = options.store ?? new Store({frameMs: 0});
	if (options.data) {
		for (const id of sourceIds) {
			const data = options.data[id];
			if (data) store.setData(id, data as never, now);
			else store.setSlot(id, {phase: 'not-configured', hint: `set ${id} in config.yaml`});
		}
		store.flush();
	}
	const timeline = options.timeline ?? new Timeline({author: 'tester', now: clock});
	let quit = false;
	const services: AppServices = {
		store,
		timeline,
		mitigations: options.mitigations ?? {},
		podLogs: options.podLogs,
		readOnly: options.readOnly ?? false,
		color: false,
		kubeContext: 'prod-eu',
		namespace: null,
		intervalMs: 2000,
		refresh: () => {},
		quit: () => {
			quit = true;
		},
		now: clock,
		...options.services,
	};
	const instance = render(
		<ServicesContext value={services}>
			<App size={{columns: options.columns, rows: options.rows}} />
		</ServicesContext>,
	);
	// ink-testing-library's terminal is 100 columns wide; make it the size under test.
	Object.defineProperty(instance.stdout, 'columns', {get: () => options.columns});
	Object.defineProperty(instance.stdout, 'rows', {get: () => options.rows});
	instance.stdout.emit('resize');
	await tick();
	return {
		...instance,
		store,
		timeline,
		get quit() {
			return quit;
		},
		frame: () => instance.lastFrame() ?? '',
		async press(id: CommandId, times = 1) {
			for (let i = 0; i < times; i++) {
				instance.stdin.write(commandKeys(id));
				await tick();
			}
		},
		async type(text: string) {
			for (const char of text) {
				instance.stdin.write(char);
				await tick(5);
			}
			await tick();
		},
		tick,
	};
}
