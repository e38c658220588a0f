/**
 * Reads a packaged app's resources/ folder into one listing: every file in
 * app.asar (path, size, whether the header marks it unpacked) and every file
 * on disk under app.asar.unpacked. The checks work on this listing only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractFile, getRawHeader } from '@electron/asar';

export interface PackagedFile {
  size: number;
  /** The asar header says the real file lives in app.asar.unpacked. */
  unpacked: boolean;
}

export interface PackagedApp {
  /** Files in app.asar by posix path relative to its root ("dist/main/index.js"). */
  files: Map<string, PackagedFile>;
  /** Files under app.asar.unpacked on disk, same paths, with their sizes. */
  unpackedOnDisk: Map<string, number>;
  /** Contents of a packaged file, wherever it lives. */
  read(file: string): Buffer;
}

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

function walkHeader(node: HeaderNode, prefix: string, out: Map<string, PackagedFile>): void {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (child.files) walkHeader(child, rel, out);
    else if (child.link === undefined) out.set(rel, { size: child.size ?? 0, unpacked: child.unpacked === true });
  }
}

function walkDisk(dir: string, prefix: string, out: Map<string, number>): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkDisk(full, rel, out);
    else if (entry.isFile()) out.set(rel, fs.statSync(full).size);
  }
}

export function readPackagedApp(asarPath: string): PackagedApp {
  const files = new Map<string, PackagedFile>();
  walkHeader(getRawHeader(asarPath).header as HeaderNode, '', files);
  const unpackedDir = `${asarPath}.unpacked`;
  const unpackedOnDisk = new Map<string, number>();
  walkDisk(unpackedDir, '', unpackedOnDisk);
  return {
    files,
    unpackedOnDisk,
    read(file) {
      return files.get(file)?.unpacked ? fs.readFileSync(path.join(unpackedDir, ...file.split('/'))) : extractFile(asarPath, file);
    },
  };
}

/** Bytes of every file below dir: what an operator downloads and unpacks. */
export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directorySize(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}
