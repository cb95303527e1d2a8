#!/usr/bin/env node
import {main} from './source/cli/main.ts';

// Injected by the bundler; read from package.json when running from source.
declare const IRTOP_VERSION: string | undefined;

const version =
	typeof IRTOP_VERSION === 'string'
		? IRTOP_VERSION
		: (await import('./source/cli/main.ts')).packageVersion();

process.exitCode = await main({
	argv: process.argv.slice(2),
	env: process.env,
	stdout: process.stdout,
	stderr: process.stderr,
	version,
});
