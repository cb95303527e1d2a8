import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Brings the real-server lab up once per run when it is provisioned (docs/lab.md).
		globalSetup: ['test/support/lab-global-setup.ts'],
		// Real servers answer in milliseconds, but a cold JVM or apiserver does not, and CI's two
		// shared cores run test files side by side: a Kafka tool or a kubectl round can take seconds.
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
});
