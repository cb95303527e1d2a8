import {Text, type TextProps} from 'ink';
import type {ReactNode} from 'react';
import {useServices} from '../services.ts';
import type {Tone} from '../state.ts';

const colors: Readonly<Record<Tone, string>> = {
	error: 'red',
	warn: 'yellow',
	ok: 'green',
	dim: 'gray',
	accent: 'cyan',
};

/** Text in a tone; plain when colour is off (--no-color, NO_COLOR). */
export function Toned({
	tone,
	children,
	...props
}: {tone?: Tone | undefined; children: ReactNode} & TextProps) {
	const {color} = useServices();
	const colour = color && tone ? colors[tone] : undefined;
	return (
		<Text
			wrap="truncate"
			{...props}
			color={colour}
			dimColor={tone === 'dim' && !color ? true : props.dimColor}
		>
			{children}
		</Text>
	);
}
