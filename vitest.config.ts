import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Real servers answer in milliseconds, but a cold JVM or apiserver does not.
		testTimeout: 20_000,
		hookTimeout: 120_000,
	},
});
