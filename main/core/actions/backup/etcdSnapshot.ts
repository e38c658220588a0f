/**
 * The raw etcd snapshot (`etcdctl snapshot save` inside the etcd container,
 * streamed out with cat) and its check: etcd appends the sha256 of the bolt
 * database as the file's last 32 bytes (etcd server/storage/backend
 * snapshot; `etcdutl snapshot restore` refuses a file whose hash does not
 * match), so a whole snapshot proves itself without etcd tools here.
 * Restoring one means replacing etcd's data dir with etcd stopped: by hand.
 */
import { createHash } from 'node:crypto';

/** Runs in the container: a temp file, the snapshot, its bytes to stdout; etcdctl's chatter only on failure. */
const SNAPSHOT_SCRIPT = 'f=$(mktemp) && etcdctl snapshot save "$f" >"$f.log" 2>&1 || { cat "$f.log" >&2; rm -f "$f" "$f.log"; exit 1; }; cat -- "$f"; s=$?; rm -f -- "$f" "$f.log"; exit $s';

export function etcdSnapshotArgv(container: string): string[] {
  return ['docker', 'exec', container, 'sh', '-c', SNAPSHOT_SCRIPT];
}

const HASH_BYTES = 32;

/** Hashes everything but the last 32 bytes, then compares them with the hash. */
export function createSnapshotCheck() {
  const hash = createHash('sha256');
  let held = Buffer.alloc(0);
  let total = 0;
  return {
    push(chunk: Buffer) {
      total += chunk.length;
      const joined = held.length ? Buffer.concat([held, chunk]) : chunk;
      const cut = Math.max(0, joined.length - HASH_BYTES);
      if (cut > 0) hash.update(joined.subarray(0, cut));
      held = Buffer.from(joined.subarray(cut));
    },
    /** null when whole; else why not. */
    problem(): string | null {
      if (total <= HASH_BYTES) return 'the etcd snapshot is empty or too short';
      return hash.digest().equals(held) ? null : "the etcd snapshot's own sha256 (its last 32 bytes) does not match its content, so it is truncated or damaged";
    },
  };
}
