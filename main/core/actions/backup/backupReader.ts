/**
 * Reads a stored backup back: the sha256 of the bytes on disk and the
 * content as the node sent it (gunzip / `zstd -dc` for compressed files),
 * streamed in chunks so a 1 GB dump is never held in memory.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { BackupCompression } from '../../../../common/contract/schemas/backups';

export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The decompressed content of a backup file, chunk by chunk. Throws if the compressed data is damaged. */
export async function* backupContent(path: string, compression: BackupCompression): AsyncGenerator<Buffer> {
  if (compression === 'zstd') {
    const child = spawn('zstd', ['-dc', '--', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let readAll = false;
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
      readAll = true;
    } finally {
      // The reader stopped early (an error, a restore's first failure): stop zstd too.
      if (!readAll) child.kill();
    }
    const code = await exited;
    if (code !== 0) throw new Error(`zstd could not decompress it (${stderr.trim() || `exit ${String(code)}`})`);
    return;
  }
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const source: Readable = compression === 'gzip' ? file.pipe(createGunzip()) : file;
  if (compression === 'gzip') file.on('error', (e) => source.destroy(e));
  for await (const chunk of source) yield chunk as Buffer;
}
