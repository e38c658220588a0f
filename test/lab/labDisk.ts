/**
 * Each node's small "disk": a 16 MB tmpfs at .lab/nodes/<node>/disk, mounted
 * before the node's processes start (the host's / is a private mount, so later
 * mounts would not reach the node's mount namespace). fillDisk fills it to
 * ENOSPC with one file; freeDisk deletes that file. `down` unmounts by path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mustRun, runCommand } from './hostCommand';
import { labRoot, nodeDirs } from './labLayout';

const DISK_SIZE = '16m';
const FILLER = '.cdlab-filler';

export async function mountNodeDisk(node: string): Promise<void> {
  const dir = nodeDirs(node).disk;
  fs.mkdirSync(dir, { recursive: true });
  if (isMountPoint(dir)) return;
  await mustRun(['mount', '-t', 'tmpfs', '-o', `size=${DISK_SIZE},mode=1777`, 'cdlab-disk', dir]);
}

/** Mount points at or below .lab, deepest first, read from the kernel's own table. */
export function labMountPoints(): string[] {
  const table = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  const points = table
    .split('\n')
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\040/g, ' '))
    .filter((p) => p === labRoot || p.startsWith(`${labRoot}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

function isMountPoint(dir: string): boolean {
  return labMountPoints().includes(path.resolve(dir));
}

export async function unmountLabDisks(): Promise<void> {
  // A mount can be stacked twice after a crash mid-up; loop until none is left.
  for (let round = 0; round < 5; round++) {
    const points = labMountPoints();
    if (points.length === 0) return;
    for (const point of points) await runCommand(['umount', '--lazy', point]);
  }
}

/** Writes one file until the tmpfs reports ENOSPC. Returns the disk folder. */
export function fillNodeDisk(node: string): string {
  const dir = nodeDirs(node).disk;
  if (!isMountPoint(dir)) throw new Error(`The disk of lab node ${node} (${dir}) is not mounted. Is the lab up?`);
  const fd = fs.openSync(path.join(dir, FILLER), 'a');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return dir;
}

export function freeNodeDisk(node: string): void {
  fs.rmSync(path.join(nodeDirs(node).disk, FILLER), { force: true });
}
