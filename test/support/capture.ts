/** A stand-in for stdout or stderr that keeps what a command writes. */
export function capture(isTTY = false) {
	let text = '';
	const stream = {
		isTTY,
		write(chunk: string) {
			text += chunk;
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	return {stream, text: () => text};
}
