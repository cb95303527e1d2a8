import {readFile} from 'node:fs/promises';
import type {LogsConfig} from '../../config/index.ts';
import type {Source} from '../../engine/source.ts';
import type {LogQuery, LogsData} from '../../model/index.ts';
import {postJson, SourceError} from '../shared/http.ts';
import {parseSearch, searchError} from './parse.ts';
import {runbookQuery, searchBody} from './query.ts';

/** Searches a minute apart would miss a burst; every 2 s would load a shared log cluster for nothing. */
const searchEveryMs = 10_000;

/**
 * The runbook's "Search Elasticsearch" step as a source: Elasticsearch 8.x or
 * OpenSearch 2.x, one `_search` per poll over irtop's own HTTP layer. The
 * view changes what is searched (`set`); the next poll answers it.
 */
export class LogsSource implements Source<'logs'> {
	readonly id = 'logs';
	readonly intervalMs = searchEveryMs;
	readonly #config: LogsConfig & {url: string};
	readonly #endpoint: string;
	#query: LogQuery = runbookQuery;
	#ca: Promise<string> | undefined;
	readonly #clock: (() => number) | undefined;

	constructor(
		config: LogsConfig & {url: string},
		/**
		 * Where each search ends (epoch ms). Without one the server's own now-1h
		 * (its clock, as the runbook's curl); tests pass a fixed past instant so
		 * the lab feeder's later writes never count.
		 */
		clock?: () => number,
	) {
		this.#config = config;
		this.#clock = clock;
		const index = config.index
			.split(',')
			.map((part) => encodeURIComponent(part.trim()))
			.join(',');
		this.#endpoint = `${config.url.replace(/\/$/, '')}/${index}/_search`;
	}

	current(): LogQuery {
		return this.#query;
	}

	set(query: LogQuery): void {
		this.#query = query;
	}

	#headers(): Record<string, string> {
		const {username, password, apiKey} = this.#config;
		if (apiKey) return {authorization: `ApiKey ${apiKey}`};
		if (username) {
			const token = Buffer.from(`${username}:${password ?? ''}`).toString('base64');
			return {authorization: `Basic ${token}`};
		}
		return {};
	}

	// A private CA: read once, the first time it is needed; a missing file is the panel's error.
	async #caPem(): Promise<string | undefined> {
		const {ca} = this.#config;
		if (!ca) return undefined;
		this.#ca ??= readFile(ca, 'utf8').catch((error: NodeJS.ErrnoException) => {
			this.#ca = undefined;
			throw new SourceError(`logs.ca ${ca}: ${error.code ?? error.message}`);
		});
		return this.#ca;
	}

	async poll(signal: AbortSignal): Promise<LogsData> {
		const query = this.#query;
		const ca = await this.#caPem();
		const {status, body} = await postJson(
			this.#endpoint,
			searchBody(query, this.#config, this.#clock?.()),
			signal,
			{
				headers: this.#headers(),
				...(ca === undefined ? {} : {ca}),
			},
		);
		if (status < 200 || status >= 300) throw searchError(status, body);
		const parsed = parseSearch(body, this.#config);
		return {query, index: this.#config.index, ...parsed};
	}
}
