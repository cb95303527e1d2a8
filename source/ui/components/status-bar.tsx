import {Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import type {PanelId} from '../panel-ids.ts';
import {statusBarCommands} from '../resolve-key.ts';
import {useServices} from '../services.ts';
import type {UiState} from '../state.ts';
import {Toned} from './tone.tsx';

const keyLabel = (key: string) => (key === 'escape' ? 'esc' : key);

export function StatusBar({ui, focus, width}: {ui: UiState; focus: PanelId; width: number}) {
	const {readOnly, mitigations} = useServices();
	const hints = statusBarCommands(ui.overlay, focus, readOnly)
		// ✗: the API server said no (SelfSubjectAccessReview); pressing it says why.
		.map((c) => {
			const denied = c.mitigation && mitigations.denied?.(c.mitigation);
			return `${keyLabel(c.keys[0]!)} ${denied ? '✗' : ''}${c.hint}`;
		})
		.join('  ');
	if (ui.message) {
		return (
			<Text wrap="truncate">
				<Toned tone={ui.message.tone}>
					{fitWidth(ui.message.text, Math.max(0, width - hints.length - 2))}
				</Toned>
				<Toned tone="dim">{`  ${hints}`}</Toned>
			</Text>
		);
	}
	return <Toned tone="dim">{fitWidth(hints, width)}</Toned>;
}
