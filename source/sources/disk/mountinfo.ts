/**
 * /proc/self/mountinfo, as df reads it (gnulib's mountlist): one line per
 * mount, `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTIONS`.
 */
export interface MountEntry {
	readonly mount: string;
	readonly device: string;
	readonly fstype: string;
	/** The path inside the filesystem that is mounted (not "/" for a bind mount). */
	readonly root: string;
}

/**
 * The kernel escapes space, tab, newline and backslash in paths as octal
 * (`\040`); df prints them unescaped.
 */
const unescapeOctal = (field: string): string =>
	field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
		String.fromCharCode(Number.parseInt(octal, 8)),
	);

/**
 * Filesystem types df leaves out without -a (gnulib's ME_DUMMY), plus the
 * kernel's other bookkeeping filesystems, which have no blocks anyway and
 * which df drops for that reason.
 */
const pseudo: ReadonlySet<string> = new Set([
	'autofs',
	'proc',
	'subfs',
	'debugfs',
	'devpts',
	'fusectl',
	'fuse.portal',
	'mqueue',
	'rpc_pipefs',
	'sysfs',
	'devfs',
	'kernfs',
	'ignore',
	'none',
	'cgroup',
	'cgroup2',
	'bpf',
	'tracefs',
	'securityfs',
	'pstore',
	'configfs',
	'hugetlbfs',
	'binfmt_misc',
	'nsfs',
	'efivarfs',
	'selinuxfs',
	'rootfs',
]);

export const isPseudo = (fstype: string): boolean => pseudo.has(fstype);

/** The real mounts of a mountinfo text, in its order; malformed lines are skipped. */
export function parseMountinfo(text: string): MountEntry[] {
	const entries: MountEntry[] = [];
	for (const line of text.split('\n')) {
		const fields = line.split(' ');
		const separator = fields.indexOf('-', 6);
		if (separator < 0) continue;
		const [root, mount] = [fields[3], fields[4]];
		const [fstype, device] = [fields[separator + 1], fields[separator + 2]];
		if (!root || !mount || !fstype || device === undefined) continue;
		if (isPseudo(fstype)) continue;
		entries.push({
			mount: unescapeOctal(mount),
			device: unescapeOctal(device),
			fstype,
			root: unescapeOctal(root),
		});
	}
	return entries;
}

/** Every mount point, pseudo filesystems included (the walk must not enter /proc either). */
export function mountPoints(text: string): Set<string> {
	const points = new Set<string>();
	for (const line of text.split('\n')) {
		const mount = line.split(' ')[4];
		if (mount) points.add(unescapeOctal(mount));
	}
	return points;
}
