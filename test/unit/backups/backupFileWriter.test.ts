import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openBackupFile } from '../../../main/core/actions/backup/backupFileWriter';
import { backupFileName, clusterBackupFolder } from '../../../main/core/actions/backup/backupFolders';
import { backupContent } from '../../../main/core/actions/backup/backupReader';

// 9 MiB of varied text: more than two of the writer's 4 MiB compression blocks.
const content = Buffer.from(Array.from({ length: 150_000 }, (_, i) => `${i}\tuser-${(i * 7919) % 1000}\t${'x'.repeat(i % 50)}\n`).join(''));

function writeInChunks(path: string, compression: 'none' | 'gzip' | 'zstd') {
  const w = openBackupFile(path, compression);
  for (let i = 0; i < content.length; i += 32 * 1024) w.write(content.subarray(i, i + 32 * 1024));
  return w;
}

describe('the backup file writer', () => {
  for (const compression of ['none', 'gzip', 'zstd'] as const) {
    it(`writes a ${compression} file that reads back byte for byte, with the sha256 of what is on disk`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cd-writer-'));
      const path = join(dir, `dump.sql${compression === 'gzip' ? '.gz' : compression === 'zstd' ? '.zst' : ''}`);
      const finished = writeInChunks(path, compression).finish();
      const onDisk = readFileSync(path);
      expect(finished.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
      expect(finished.size).toBe(onDisk.length);
      expect(finished.rawBytes).toBe(content.length);
      const back: Buffer[] = [];
      for await (const c of backupContent(path, compression)) back.push(c);
      expect(Buffer.concat(back).equals(content)).toBe(true);
      if (compression === 'gzip') expect(gunzipSync(onDisk).equals(content)).toBe(true);
      if (compression === 'zstd') expect(execFileSync('zstd', ['-dc', path], { maxBuffer: 64 * 1024 * 1024 }).equals(content)).toBe(true);
      expect(readdirSync(dir)).toEqual([path.split('/').pop()]);
    });
  }

  it('leaves nothing behind when discarded mid-way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-writer-'));
    const w = writeInChunks(join(dir, 'dump.sql.gz'), 'gzip');
    w.discard();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'dump.sql.gz'))).toBe(false);
  });
});

describe('backup folders and names', () => {
  it('gives each cluster its own file-safe folder and each backup a sortable name', () => {
    expect(clusterBackupFolder('/b', { id: 'abcdef123456', name: 'Acme / Prod: DB' })).toBe('/b/Acme-Prod-DB-abcdef12');
    expect(backupFileName('pg', 'zstd', new Date('2026-11-29T06:30:05.123Z'), '0123456789')).toBe('pg-20261129T063005Z-01234567.sql.zst');
    expect(backupFileName('etcd', 'none', new Date('2026-11-29T06:30:05Z'), 'ffffffffff')).toBe('etcd-20261129T063005Z-ffffffff.json');
  });
});
