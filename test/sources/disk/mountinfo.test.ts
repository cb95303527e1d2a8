import {describe, expect, it} from 'vitest';
import {mountPoints, parseMountinfo} from '../../../source/sources/disk/mountinfo.ts';

// Lines in the kernel's format (Documentation/filesystems/proc.rst), optional fields included.
const text = [
	'22 27 0:21 / /proc rw,relatime - proc proc rw',
	'27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard',
	'29 27 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600',
	'31 27 0:28 / /run rw,nosuid,nodev shared:5 master:2 - tmpfs tmpfs rw,size=1630364k',
	'32 27 8:17 /backups /mnt/my\\040backups rw,relatime - xfs /dev/sdb1 rw',
	'33 31 0:29 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw',
	'garbage line',
	'',
].join('\n');

describe('mountinfo', () => {
	it('lists real mounts with their device and type, unescaping paths and skipping pseudo ones', () => {
		expect(parseMountinfo(text)).toEqual([
			{mount: '/', device: '/dev/vda', fstype: 'ext4', root: '/'},
			{mount: '/run', device: 'tmpfs', fstype: 'tmpfs', root: '/'},
			{mount: '/mnt/my backups', device: '/dev/sdb1', fstype: 'xfs', root: '/backups'},
		]);
	});

	it('knows every mount point, pseudo ones too, so the walk enters none of them', () => {
		expect([...mountPoints(text)]).toEqual([
			'/proc',
			'/',
			'/dev/pts',
			'/run',
			'/mnt/my backups',
			'/sys/fs/cgroup',
		]);
	});
});
