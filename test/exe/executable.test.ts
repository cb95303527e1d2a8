// The single executables (scripts/build-exe.mjs) as a user runs them on a
// server: built fresh into a temp dir, started with a cleared environment
// whose PATH has a `node` that must never run, and compared with the bundle.
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {privateBin} from '../../scripts/bench-terminal.ts';
import {describeLab} from '../support/lab.ts';
import {panelTitles} from '../support/panel-titles.ts';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'irtop-exe-'));
const exeDir = join(work, 'exe');
const x64 = join(exeDir, 'irtop-linux-x64');
const arm64 = join(exeDir, 'irtop-linux-arm64');
const fakeBin = join(work, 'fake-bin');
const nodeRan = join(work, 'node-ran');
const home = join(work, 'home');
let bundle = '';

// Where qemu-user is installed (.ci/run installs it, and the arm64 C libraries it needs).
const qemu = ['/usr/bin/qemu-aarch64', '/usr/bin/qemu-aarch64-static'].find(existsSync);
const arm64Libraries = '/usr/aarch64-linux-gnu';

beforeAll(() => {
	execFileSync(
		process.execPath,
		[join(root, 'scripts/build-exe.mjs'), `--outdir=${exeDir}`, '--quiet'],
		{stdio: 'inherit'},
	);
	bundle = privateBin(join(work, 'bundle'));
	// A `node` first on PATH that leaves a mark: the executable must never start one.
	mkdirSync(fakeBin);
	writeFileSync(join(fakeBin, 'node'), `#!/bin/sh\ntouch ${nodeRan}\nexit 99\n`);
	chmodSync(join(fakeBin, 'node'), 0o755);
	mkdirSync(home);
}, 240_000);
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** A cleared environment: a home, a terminal type, and a PATH whose `node` is the fake one. */
function cleared(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {PATH: `${fakeBin}:/usr/bin:/bin`, HOME: home, TERM: 'xterm-256color', ...extra};
}

function run(program: string, args: string[], env = cleared(), prefix: string[] = []) {
	const [command, ...rest] = [...prefix, program, ...args];
	const result = spawnSync(command!, rest, {
		env,
		encoding: 'utf8',
		timeout: 120_000,
		cwd: work,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const bundleRun = (args: string[], env: NodeJS.ProcessEnv) =>
	run(process.execPath, [bundle, ...args], {...env, PATH: process.env.PATH ?? ''});

describe('the x64 executable', () => {
	it('--version names the build and proves its own runtime ran, with the shebang memory settings', () => {
		const {code, stdout, stderr} = run(x64, ['--version']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
		expect(stdout).toContain(`irtop ${version}\n`);
		expect(stdout).toMatch(/^commit [0-9a-f]{12}(-dirty)?$/m);
		expect(stdout).toMatch(/^built \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
		expect(stdout).toContain(`node v26.`);
		expect(stdout).toContain(`single executable ${x64}\n`);
		// The shebang's V8 flags and glibc variables, as the running process has them.
		const shebang = readFileSync(join(root, 'bin/irtop.js'), 'utf8').split('\n', 1)[0]!;
		for (const word of shebang.split(' ').filter((w) => w.startsWith('--') || w.includes('=')))
			expect(stdout).toContain(word);
		// Made in the process (node:ffi), not by a restart: the start costs one runtime start less.
		expect(stdout).toContain('(glibc settings by mallopt)');
		expect(existsSync(nodeRan)).toBe(false);
	});

	it('snapshot --json --demo is the bundle document, key for key', () => {
		const exe = run(x64, ['snapshot', '--json', '--demo']);
		expect(exe.stderr).toBe('');
		expect(exe.code).toBe(0);
		const document = JSON.parse(exe.stdout);
		const reference = JSON.parse(bundleRun(['snapshot', '--json', '--demo'], cleared()).stdout);
		expect(Object.keys(document).sort()).toEqual(Object.keys(reference).sort());
		expect(Object.keys(document)).toEqual(
			expect.arrayContaining(['sources', 'kubernetes', 'postgres', 'kafka', 'incident']),
		);
		for (const state of Object.values(document.sources)) expect(state).toMatchObject({state: 'ok'});
		expect(existsSync(nodeRan)).toBe(false);
	});

	it('draws all nine panels of the demo in a pseudo-terminal', async () => {
		const screen = await inTerminal(x64, ['--demo'], cleared(), (text) =>
			panelTitles.every((title) => text.includes(title)),
		);
		for (const title of panelTitles) expect(screen).toContain(title);
		expect(existsSync(nodeRan)).toBe(false);
	});

	it('exports a journal written by the bundle as the same Markdown', async () => {
		const state = join(work, 'state');
		const env = cleared({XDG_STATE_HOME: state, XDG_CONFIG_HOME: join(work, 'no-config')});
		// The bundle opens an incident and journals the demo's first poll, then quits.
		await inTerminal(
			bundle,
			['--demo', '--incident', 'exe-drill', '--severity', 'P1'],
			{...env, PATH: process.env.PATH ?? ''},
			(text) => text.includes('exe-drill') && text.includes('Timeline'),
			process.execPath,
		);
		const fromBundle = bundleRun(['export', '--format', 'md'], env);
		expect(fromBundle.code).toBe(0);
		expect(fromBundle.stdout).toContain('exe-drill');
		const fromExe = run(x64, ['export', '--format', 'md'], env);
		expect(fromExe.stderr).toBe('');
		expect(fromExe.code).toBe(0);
		// An open incident's duration runs on between the two exports; all else is the same text.
		const settled = (markdown: string) =>
			markdown.replace(/^\*\*Duration:\*\* .* \(ongoing\)$/m, '**Duration:** (ongoing)');
		expect(fromBundle.stdout).toMatch(/^\*\*Duration:\*\* \d+ s \(ongoing\)$/m);
		expect(settled(fromExe.stdout)).toBe(settled(fromBundle.stdout));
	});

	it('a truncated file exits non-zero with one line from the shell and writes nothing beside it', () => {
		const size = readFileSync(x64).length;
		const dir = join(work, 'truncated');
		mkdirSync(dir);
		// Cut in the runtime (the kernel refuses it) and in the appended application (a fault).
		for (const fraction of [0.5, 0.98]) {
			const file = join(dir, `irtop-${fraction}`);
			writeFileSync(file, readFileSync(x64).subarray(0, Math.floor(size * fraction)));
			chmodSync(file, 0o755);
			const before = readdirSync(dir).sort();
			const result = spawnSync('bash', ['-c', `'${file}' --version`], {
				env: cleared(),
				encoding: 'utf8',
				cwd: dir,
			});
			expect(result.status).not.toBe(0);
			expect(result.stdout).toBe('');
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(readdirSync(dir).sort()).toEqual(before);
		}
	});

	it('writes nothing next to itself', () => {
		const dir = join(work, 'install');
		mkdirSync(dir);
		copyFileSync(x64, join(dir, 'irtop'));
		chmodSync(join(dir, 'irtop'), 0o755);
		expect(run(join(dir, 'irtop'), ['snapshot', '--json', '--demo']).code).toBe(0);
		expect(run(join(dir, 'irtop'), ['--version']).code).toBe(0);
		expect(readdirSync(dir)).toEqual(['irtop']);
	});

	it('SHA256SUMS lists both executables with their hashes', () => {
		const sums = readFileSync(join(exeDir, 'SHA256SUMS'), 'utf8');
		const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {cwd: exeDir, encoding: 'utf8'});
		expect(check.stdout).toContain('irtop-linux-x64: OK');
		expect(check.stdout).toContain('irtop-linux-arm64: OK');
		expect(check.status).toBe(0);
		expect(sums.trim().split('\n')).toHaveLength(2);
	});
});

// What the dynamic loader asks of a server before any JavaScript runs: README's "Install on a
// server" names it (a system too old fails there with the loader's own `GLIBC_2.28' not found,
// which irtop cannot replace with a message of its own). An old glibc cannot be simulated here;
// what can fail is the README, when a new runtime asks for more.
describe('what the executables need from the server', () => {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	for (const arch of ['x64', 'arm64']) {
		it(`irtop-linux-${arch}: the glibc version and the shared libraries README names`, () => {
			// The version references and library names are strings of the dynamic section.
			const text = readFileSync(join(exeDir, `irtop-linux-${arch}`)).toString('latin1');
			const glibc = [...new Set(text.match(/GLIBC_2\.\d+(?=\0)/g))].map((v) => Number(v.slice(8)));
			const newest = Math.max(...glibc);
			expect(readme).toContain(`glibc 2.${newest} or newer`);
			const libraries = [...new Set(text.match(/\blib[a-z+_]+\.so\.\d+(?=\0)/g))].sort();
			expect(libraries).toContain('libc.so.6');
			for (const library of libraries) expect(readme).toContain(`\`${library}\``);
		});
	}
});

describeLab(
	'the x64 executable against the lab',
	['postgres', 'redis', 'prometheus', 'alertmanager', 'exporter', 'kafka'],
	(lab) => {
		it('check exits 0 with the lab up', () => {
			const config = join(work, 'lab.yaml');
			writeFileSync(
				config,
				`postgres:
  url: ${lab.postgres.url('monitor')}
redis:
  url: ${lab.redis.url}
prometheus:
  url: ${lab.prometheus.url}
alertmanager:
  url: ${lab.alertmanager.url}
kafka:
  brokers: [${lab.kafka.brokers.join(', ')}]
health:
  - name: api-gateway
    url: ${lab.exporter.url}/health
`,
			);
			const {code, stdout, stderr} = run(x64, ['check', '--config', config]);
			expect(stderr).toBe('');
			expect(stdout).toContain('api-gateway');
			expect(code).toBe(0);
			expect(existsSync(nodeRan)).toBe(false);
		});
	},
);

describe('the arm64 executable', () => {
	it('is an aarch64 ELF file', () => {
		const header = Buffer.alloc(20);
		const fd = openSync(arm64, 'r');
		readSync(fd, header, 0, 20, 0);
		expect(header.subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
		expect(header[4]).toBe(2); // 64-bit
		expect(header.readUInt16LE(18)).toBe(183); // EM_AARCH64
	});

	// Skipped only where qemu-user is not installed; .ci/run installs it, so CI never skips.
	it.skipIf(!qemu && process.env.CI !== 'true')(
		'runs --version and snapshot --json --demo under qemu-aarch64',
		() => {
			const under = [qemu ?? 'qemu-aarch64', '-L', arm64Libraries];
			const version = run(arm64, ['--version'], cleared(), under);
			expect(version.stderr).toBe('');
			expect(version.code).toBe(0);
			expect(version.stdout).toContain('linux-arm64, single executable');
			const snapshot = run(arm64, ['snapshot', '--json', '--demo'], cleared(), under);
			expect(snapshot.code).toBe(0);
			expect(JSON.parse(snapshot.stdout)).toHaveProperty('incident');
		},
		240_000,
	);
});

const plain = (text: string) =>
	// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal sequences is the point
	text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>]/g, '');

/** Runs a program in a 120x40 pseudo-terminal (util-linux `script`) until `done`, then `q`. */
async function inTerminal(
	program: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	done: (screen: string) => boolean,
	interpreter = '',
): Promise<string> {
	const command = `stty cols 120 rows 40; exec ${interpreter} ${program} ${args.join(' ')}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		env,
		stdio: ['pipe', 'pipe', 'inherit'],
		cwd: work,
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	try {
		for (let waited = 0; !done(plain(output)); waited += 100) {
			if (waited > 30_000) throw new Error(`never drawn:\n${plain(output).slice(-3000)}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return plain(output);
	} finally {
		child.stdin.write('q');
		const quit = await Promise.race([
			exited.then(() => true),
			new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
		]);
		if (!quit) child.kill('SIGKILL');
	}
}
