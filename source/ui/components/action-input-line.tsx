import {Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import {useServices} from '../services.ts';
import type {ActionInputOverlay} from '../state.ts';
import {Toned} from './tone.tsx';

/** A configured action's input, asked on the status line: `who (1/2, one of a, b): text█`. */
export function ActionInputLine({overlay, width}: {overlay: ActionInputOverlay; width: number}) {
	const {configuredActions} = useServices();
	const config = configuredActions?.find((a) => a.id === overlay.actionId);
	const input = config?.inputs[overlay.index];
	if (!config || !input) return null;
	const count = config.inputs.length > 1 ? `${overlay.index + 1}/${config.inputs.length}` : '';
	const choices = input.type === 'choice' ? `one of ${(input.choices ?? []).join(', ')}` : '';
	const notes = [count, choices, input.required ? '' : 'optional']
		.filter((n) => n !== '')
		.join(', ');
	const line = `${config.title} · ${input.label ?? input.name}${notes ? ` (${notes})` : ''}: ${overlay.text}█`;
	return (
		<Text wrap="truncate">
			{fitWidth(line, Math.min(width, line.length))}
			<Toned tone={overlay.error ? 'error' : 'dim'}>
				{fitWidth(
					`  ${overlay.error ?? 'enter accepts · esc cancels'}`,
					Math.max(0, width - line.length),
				)}
			</Toned>
		</Text>
	);
}
