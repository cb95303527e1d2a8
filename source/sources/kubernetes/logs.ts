import {Writable} from 'node:stream';
import {type KubeConfig, Log} from '@kubernetes/client-node';
import {describeError} from './watched.ts';

export interface LogRequest {
	readonly namespace: string;
	readonly pod: string;
	/** The pod's only or first container when absent. */
	readonly container?: string;
	readonly previous?: boolean;
	readonly follow?: boolean;
	readonly tailLines?: number;
}

/** Lines kept however long a log is followed: memory stays bounded. */
export const maxLogLines = 2000;
/** A 1 MB log line is cut here, before anything renders it. */
export const maxLogLineLength = 4096;

/**
 * A pod's log as `kubectl logs [--previous] [-f] --tail=100` reads it,
 * into a bounded ring of lines. Lines are raw text from the pod: the UI
 * sanitises them before display.
 */
export class LogTail {
	readonly lines: string[] = [];
	/** Lines read since the start, including those the bound has dropped. */
	received = 0;
	/** Set when the stream ended with an error (the API server's own message). */
	error: string | null = null;
	ended = false;
	readonly #onChange: () => void;
	#partial = '';
	#controller: AbortController | null = null;

	constructor(onChange: () => void) {
		this.#onChange = onChange;
	}

	async start(kc: KubeConfig, request: LogRequest): Promise<void> {
		const sink = new Writable({
			write: (chunk: Buffer, _encoding, done) => {
				this.#take(chunk.toString('utf8'));
				done();
			},
		});
		const finished = (error: unknown) => {
			if (this.#partial) this.#push(this.#partial);
			this.#partial = '';
			if (error) this.error = describeError(error);
			this.ended = true;
			this.#onChange();
		};
		let done = false;
		const once = (error: unknown) => {
			if (done) return;
			done = true;
			finished(error);
		};
		// The client pipes the response into the sink and never listens for the
		// response's errors (an abort, a dropped connection): catch them here,
		// or one would be an uncaught exception.
		sink.on('pipe', (source) => source.on('error', (error) => once(isAbort(error) ? null : error)));
		sink.on('finish', () => once(null));
		try {
			this.#controller = await new Log(kc).log(
				request.namespace,
				request.pod,
				request.container ?? '',
				sink,
				{
					follow: request.follow ?? false,
					previous: request.previous ?? false,
					tailLines: request.tailLines ?? 100,
				},
			);
		} catch (error) {
			once(error);
		}
	}

	#take(text: string): void {
		const parts = (this.#partial + text).split('\n');
		this.#partial = (parts.pop() ?? '').slice(0, maxLogLineLength);
		for (const line of parts) this.#push(line);
		this.#onChange();
	}

	#push(line: string): void {
		this.received++;
		this.lines.push(line.length > maxLogLineLength ? line.slice(0, maxLogLineLength) : line);
		if (this.lines.length > maxLogLines) this.lines.splice(0, this.lines.length - maxLogLines);
	}

	stop(): void {
		this.#controller?.abort();
	}
}

function isAbort(error: unknown): boolean {
	return (error as {name?: unknown} | null)?.name === 'AbortError';
}
