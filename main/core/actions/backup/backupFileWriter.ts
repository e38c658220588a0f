/**
 * Writes a backup to disk as it streams in: a hidden temp file beside the
 * final name, sha256 of the bytes stored, fsync, then an atomic rename; on
 * any failure the temp file is removed, so no partial file ever carries a
 * backup's name. Writes are synchronous on purpose: while a block is written
 * (or compressed) the event loop does not read the SSH socket, TCP's window
 * closes and pg_dumpall waits, so memory stays bounded by one block plus the
 * socket buffers whatever the dump's size (the engine's onStdout cannot pause).
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { constants as zc, gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { ApiError } from '../../../../common/contract/errors';
import type { BackupCompression } from '../../../../common/contract/schemas/backups';

/**
 * Compressed output is a series of independent gzip members / zstd frames,
 * one per block: `gzip -dc` and `zstd -dc` read such files as one stream.
 * 4 MiB keeps the ratio within a percent of one big stream.
 */
const BLOCK_BYTES = 4 * 1024 * 1024;

export interface FinishedFile {
  path: string;
  /** Bytes on disk (compressed size when compressed). */
  size: number;
  /** sha256 of the bytes on disk. */
  sha256: string;
  /** Bytes as the node sent them (before compression). */
  rawBytes: number;
}

export interface BackupFileWriter {
  write(chunk: Buffer): void;
  /** fsync + rename; returns the final file. */
  finish(): FinishedFile;
  /** Removes the temp file; safe to call at any time, also after finish() failed. */
  discard(): void;
  readonly rawBytes: number;
}

function compressBlock(block: Buffer, compression: BackupCompression): Buffer {
  if (compression === 'gzip') return gzipSync(block, { level: zc.Z_DEFAULT_COMPRESSION });
  if (compression === 'zstd') {
    const out = spawnSync('zstd', ['-q', '-3', '-c'], { input: block, maxBuffer: BLOCK_BYTES * 2 });
    if (out.error || out.status !== 0) {
      throw new ApiError('internal', `zstd could not compress the backup (${out.error?.message ?? out.stderr.toString().trim()}). Choose gzip or no compression.`);
    }
    return out.stdout;
  }
  return block;
}

export function isZstdAvailable(): boolean {
  const probe = spawnSync('zstd', ['--version'], { timeout: 5000 });
  return !probe.error && probe.status === 0;
}

/** A person-readable sentence for a local write failure (disk full, permissions). */
export function localWriteError(err: unknown, path: string): ApiError {
  if (err instanceof ApiError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new ApiError('remote_failed', `The local disk holding ${dirname(path)} is full; the backup was stopped and its partial file removed. Free some space or move the backups folder, then try again.`);
  if (code === 'EACCES' || code === 'EPERM') return new ApiError('permission', `ClusterDeck may not write to ${dirname(path)}. Check the folder's permissions.`);
  return new ApiError('internal', `Writing the backup to ${path} failed (${(err as Error).message}).`);
}

export function openBackupFile(finalPath: string, compression: BackupCompression): BackupFileWriter {
  mkdirSync(dirname(finalPath), { recursive: true });
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.partial`);
  const fd = openSync(tempPath, 'wx', 0o600);
  const hash = createHash('sha256');
  let open = true;
  let size = 0;
  let rawBytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const put = (bytes: Buffer) => {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    hash.update(bytes);
    size += bytes.length;
  };
  const flushBlock = () => {
    if (pendingBytes === 0) return;
    const block = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    put(compressBlock(block, compression));
  };
  const closeFd = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };

  return {
    get rawBytes() {
      return rawBytes;
    },
    write(chunk) {
      rawBytes += chunk.length;
      if (compression === 'none') return put(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= BLOCK_BYTES) flushBlock();
    },
    finish() {
      flushBlock();
      fsyncSync(fd);
      closeFd();
      renameSync(tempPath, finalPath);
      // The rename is durable only once the folder's entry is on disk too.
      try {
        const dirFd = openSync(dirname(finalPath), 'r');
        fsyncSync(dirFd);
        closeSync(dirFd);
      } catch {
        /* some file systems refuse fsync on a folder; the file itself is synced */
      }
      return { path: finalPath, size, sha256: hash.digest('hex'), rawBytes };
    },
    discard() {
      pending = [];
      try {
        closeFd();
      } catch {
        /* already closed */
      }
      rmSync(tempPath, { force: true });
    },
  };
}
