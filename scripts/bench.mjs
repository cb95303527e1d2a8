// irtop's benchmark: prints numbers, asserts nothing. Targets (issue #2):
// cold start to the first complete demo frame <= 300 ms; bytes written per
// second in the demo's steady state, incremental vs full redraw; RSS after
// 60 s <= 120 MB; CPU when no data changes <= 2 % of a core.
//
// Each figure runs several times (shared, noisy machines): min and median.
// The dashboard runs in a real pseudo-terminal through util-linux `script`.
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {
	cpuTicks,
	fmt,
	nodePid,
	privateBin,
	root,
	rssMiB,
	startInPty as start,
	stats,
} from './bench-terminal.ts';

const quick = process.argv.includes('--quick');
// --only=start,bytes,rss,cpu,exe runs a subset; IRTOP_BENCH_NODE_FLAGS tries V8 flags.
const only = process.argv
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
const wanted = (name) => !only || only.includes(name);
const nodeFlags = process.env.IRTOP_BENCH_NODE_FLAGS ?? '';
const runs = quick ? 3 : 5;
const tmp = mkdtempSync(join(tmpdir(), 'irtop-bench-'));
const startInPty = (options) => start({...options, nodeFlags});

async function coldStart(bin) {
	const times = [];
	// CPU time (all threads) up to the first frame: on a shared machine, less at the mercy of
	// the other processes than the wall time, so the fairer comparison of two builds.
	const cpu = [];
	for (let i = 0; i < runs; i++) {
		const marker = join(tmp, `first-frame-${i}`);
		rmSync(marker, {force: true});
		const started = Date.now();
		const run = startInPty({bin, env: {IRTOP_TRACE_FIRST_FRAME: marker}});
		const pid = nodePid(run.child.pid);
		while (!existsSync(marker) || readFileSync(marker, 'utf8') === '') await sleep(2);
		times.push(Number(readFileSync(marker, 'utf8')) - started);
		cpu.push(cpuTicks(await pid) * 10);
		await run.stop();
	}
	// The floor a Node program pays before its first line of code.
	const baseline = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await new Promise((resolve) => spawn('node', ['-e', '0']).on('exit', resolve));
		baseline.push(performance.now() - started);
	}
	return {irtop: {...stats(times), all: times}, cpu, node: stats(baseline)};
}

async function bytesPerSecond(fullRedraw, seconds) {
	const run = startInPty({env: fullRedraw ? {IRTOP_FULL_REDRAW: '1'} : {}});
	await sleep(3000);
	const before = run.output.bytes;
	await sleep(seconds * 1000);
	const rate = (run.output.bytes - before) / seconds;
	await run.stop();
	return rate;
}

async function steadyState(seconds, bin) {
	const run = startInPty({bin});
	const pid = await nodePid(run.child.pid);
	await sleep(seconds * 1000);
	const rss = rssMiB(pid);
	await run.stop();
	return rss;
}

async function idleCpu(seconds) {
	// One poll, then no data changes for an hour: only the clock ticks.
	const run = startInPty({args: ['--demo', '--refresh', '3600']});
	const pid = await nodePid(run.child.pid);
	await sleep(3000);
	const ticks = cpuTicks(pid);
	await sleep(seconds * 1000);
	const used = (cpuTicks(pid) - ticks) / 100 / seconds;
	await run.stop();
	return used * 100;
}

console.log(
	`irtop benchmark · node ${process.version} · ${runs} runs per figure${quick ? ' (quick)' : ''}`,
);

if (wanted('start')) {
	const start = await coldStart();
	console.log(
		`cold start to first complete demo frame (120x40): ${fmt(start.irtop, 'ms')}   [target <= 300 ms]`,
	);
	console.log(`  node -e 0 on this machine:                       ${fmt(start.node, 'ms')}`);
}

if (wanted('bytes')) {
	const seconds = quick ? 10 : 20;
	const incremental = [];
	const full = [];
	for (let i = 0; i < (quick ? 1 : 3); i++) {
		incremental.push(await bytesPerSecond(false, seconds));
		full.push(await bytesPerSecond(true, seconds));
	}
	const inc = stats(incremental);
	const redraw = stats(full);
	console.log(`bytes/s written, demo steady state, incremental rendering: ${fmt(inc, 'B/s')}`);
	console.log(`bytes/s written, demo steady state, full redraw:            ${fmt(redraw, 'B/s')}`);
	console.log(`  full redraw / incremental (medians): ${(redraw.median / inc.median).toFixed(1)}x`);
}

if (wanted('rss')) {
	const seconds = quick ? 20 : 60;
	const rss = [];
	for (let i = 0; i < (quick ? 1 : 2); i++) rss.push(await steadyState(seconds));
	console.log(`RSS after ${seconds} s of demo: ${fmt(stats(rss), 'MiB', 1)}   [target <= 120 MB]`);
}

if (wanted('cpu')) {
	const cpu = [];
	for (let i = 0; i < (quick ? 1 : 3); i++) cpu.push(await idleCpu(quick ? 10 : 30));
	console.log(
		`CPU with no data changes (clock only): ${fmt(stats(cpu), '% of a core', 2)}   [target <= 2 %]`,
	);
}

if (wanted('exe')) {
	// The single executable (issue 11) against the bundle, both built here for this run.
	const bundle = privateBin(join(tmp, 'bundle'));
	const dir = join(tmp, 'exe');
	execFileSync(
		process.execPath,
		[join(root, 'scripts/build-exe.mjs'), `--outdir=${dir}`, '--quiet'],
		{stdio: 'inherit'},
	);
	const exe = join(dir, `irtop-linux-${process.arch}`);
	// Alternated, so that a busy moment of the machine falls on both.
	const bundleStarts = [];
	const exeStarts = [];
	const bundleCpu = [];
	const exeCpu = [];
	for (let round = 0; round < 2; round++) {
		const bundleRun = await coldStart(bundle);
		bundleStarts.push(...bundleRun.irtop.all);
		bundleCpu.push(...bundleRun.cpu);
		const exeRun = await coldStart(exe);
		exeStarts.push(...exeRun.irtop.all);
		exeCpu.push(...exeRun.cpu);
	}
	const ratio = (a, b) => (stats(a).median / stats(b).median).toFixed(2);
	console.log(`cold start to first complete demo frame, ${runs * 2} runs each, alternating:`);
	console.log(
		`  bundle (bin/irtop.js, node ${process.version}): ${fmt(stats(bundleStarts), 'ms')}`,
	);
	console.log(`  single executable ${exe.split('/').at(-1)}:     ${fmt(stats(exeStarts), 'ms')}`);
	console.log(
		`  CPU to the first frame: bundle ${fmt(stats(bundleCpu), 'ms')}, executable ${fmt(stats(exeCpu), 'ms')}`,
	);
	console.log(
		`  executable / bundle (medians): wall ${ratio(exeStarts, bundleStarts)}, CPU ${ratio(exeCpu, bundleCpu)}`,
	);
	for (const arch of ['x64', 'arm64']) {
		const file = join(dir, `irtop-linux-${arch}`);
		const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
		const xz = execFileSync('xz', ['-6', '-T0', '-c', file], {maxBuffer: 1 << 30}).length;
		console.log(`  irtop-linux-${arch}: ${mib(statSync(file).size)} MiB, xz -6: ${mib(xz)} MiB`);
	}
	// Both at once, twice: the same moment of the machine for both, and more than one sample.
	const seconds = quick ? 20 : 60;
	const bundleRss = [];
	const exeRss = [];
	for (let round = 0; round < 2; round++) {
		const [b, e] = await Promise.all([steadyState(seconds, bundle), steadyState(seconds, exe)]);
		bundleRss.push(b);
		exeRss.push(e);
	}
	console.log(
		`  RSS after ${seconds} s of demo (both running at once, 2 rounds): bundle ${fmt(stats(bundleRss), 'MiB', 1)}; executable ${fmt(stats(exeRss), 'MiB', 1)}   [target <= 120 MB = 114.4 MiB]`,
	);
}

rmSync(tmp, {recursive: true, force: true});
