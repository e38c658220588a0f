/**
 * Checks a stored backup is whole: the file's sha256 and size match what was
 * recorded when it was written, it decompresses, and its content is complete
 * (pg_dumpall's trailer; etcd JSON that parses to an object). The sentence
 * starts with "Verified:" only when every check passed.
 */
import { existsSync } from 'node:fs';
import type { BackupRecord } from '../../../../common/contract/schemas/backups';
import { VERIFIED_PREFIX } from './backupRepository';
import { backupContent, sha256OfFile } from './backupReader';
import { createTailKeeper, endsWithDumpTrailer } from './dumpTrailer';
import { createSnapshotCheck } from './etcdSnapshot';
import { describeEtcdTree } from './etcdTree';

export interface Verdict {
  ok: boolean;
  sentence: string;
}

/** etcd trees are small (kilobytes); past this the file is not one ClusterDeck wrote. */
const MAX_ETCD_JSON_BYTES = 256 * 1024 * 1024;

export async function verifyContent(record: Pick<BackupRecord, 'kind' | 'path' | 'compression'>): Promise<Verdict> {
  const tail = createTailKeeper();
  const snapshot = createSnapshotCheck();
  const etcdParts: Buffer[] = [];
  let etcdBytes = 0;
  try {
    for await (const chunk of backupContent(record.path, record.compression)) {
      if (record.kind === 'pg') tail.push(chunk);
      else if (record.kind === 'etcd-snapshot') snapshot.push(chunk);
      else {
        etcdBytes += chunk.length;
        if (etcdBytes > MAX_ETCD_JSON_BYTES) return { ok: false, sentence: 'Not verified: the etcd backup is larger than any etcd tree ClusterDeck writes.' };
        etcdParts.push(chunk);
      }
    }
  } catch (err) {
    return { ok: false, sentence: `Not verified: the file cannot be read back (${(err as Error).message}).` };
  }
  if (record.kind === 'pg') {
    return endsWithDumpTrailer(tail.text())
      ? { ok: true, sentence: `${VERIFIED_PREFIX} pg_dumpall's completion trailer is present` }
      : { ok: false, sentence: "Not verified: the dump does not end with pg_dumpall's completion trailer, so it was cut short or altered." };
  }
  if (record.kind === 'etcd-snapshot') {
    const problem = snapshot.problem();
    return problem ? { ok: false, sentence: `Not verified: ${problem}.` } : { ok: true, sentence: `${VERIFIED_PREFIX} the snapshot's own sha256 matches its content` };
  }
  const described = describeEtcdTree(Buffer.concat(etcdParts).toString('utf8'));
  return described.ok ? { ok: true, sentence: `${VERIFIED_PREFIX} the etcd tree parses (${described.keys} keys)` } : { ok: false, sentence: `Not verified: ${described.problem}` };
}

/** Re-verification of a recorded backup: file, size and sha256 as recorded, then the content. */
export async function verifyStoredBackup(record: BackupRecord): Promise<Verdict> {
  if (record.status !== 'ok') return { ok: false, sentence: `Not verified: this backup ended ${record.status}; it was never complete.` };
  if (!existsSync(record.path)) return { ok: false, sentence: `Not verified: the file ${record.path} is missing.` };
  const { sha256, size } = await sha256OfFile(record.path);
  if (record.size !== null && size !== record.size) {
    return { ok: false, sentence: `Not verified: the file is ${size} bytes but was ${record.size} bytes when written; it was changed or truncated.` };
  }
  if (record.sha256 !== null && sha256 !== record.sha256) {
    return { ok: false, sentence: 'Not verified: the sha256 of the file differs from the one recorded when it was written; it was changed since.' };
  }
  const content = await verifyContent(record);
  if (!content.ok) return content;
  return { ok: true, sentence: `${content.sentence}; sha256 matches the recorded ${sha256.slice(0, 12)}…` };
}
