import {Box, Text} from 'ink';
import {minColumns, minRows} from '../layout.ts';

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box flexDirection="column">
			<Text bold>Terminal too small</Text>
			<Text wrap="wrap">
				irtop needs at least {minColumns}x{minRows}; this one is {columns}x{rows}. Enlarge the
				window (or zoom out), or use `irtop snapshot --json`. q quits.
			</Text>
		</Box>
	);
}
