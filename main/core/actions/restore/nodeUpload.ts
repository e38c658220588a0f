/**
 * Copies a local stream to a private temp file on a node through the SSH
 * engine: 4 MiB at a time, each appended by `cat >>` (so memory stays at
 * one chunk and cancel works between chunks), then `sha256sum` on the node
 * must equal the hash of what was sent. The caller removes the file.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../../common/contract/errors';
import type { SshEngine } from '../../ssh/sshEngine';

const CHUNK_BYTES = 4 * 1024 * 1024;
const APPEND = ['sh', '-c', 'cat >> "$1"', 'sh'];

export interface Upload {
  path: string;
  bytes: number;
  sha256: string;
}

export async function makeNodeTempFile(engine: SshEngine, nodeId: string, nodeName: string, signal: AbortSignal): Promise<string> {
  const made = await engine.exec(nodeId, ['mktemp', '-t', 'clusterdeck-restore.XXXXXXXX'], { signal, timeoutMs: 30_000 });
  const path = made.stdout.trim();
  if (made.exitCode !== 0 || !path.startsWith('/')) throw new ApiError('remote_failed', `Could not create a temp file on ${nodeName} (${made.stderr.trim() || 'mktemp failed'}). Check /tmp there.`);
  return path;
}

export async function removeNodeFile(engine: SshEngine, nodeId: string, path: string): Promise<void> {
  await engine.exec(nodeId, ['rm', '-f', '--', path], { timeoutMs: 30_000 }).catch(() => undefined);
}

export async function uploadToNode(
  engine: SshEngine,
  target: { nodeId: string; nodeName: string; path: string },
  source: AsyncIterable<Buffer>,
  signal: AbortSignal,
  onProgress: (bytes: number) => void,
): Promise<Upload> {
  const hash = createHash('sha256');
  let bytes = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  const send = async () => {
    if (partBytes === 0) return;
    const chunk = Buffer.concat(parts, partBytes);
    parts = [];
    partBytes = 0;
    const r = await engine.exec(target.nodeId, [...APPEND, target.path], { stdin: chunk, signal, timeoutMs: 10 * 60_000 });
    if (r.exitCode !== 0) throw new ApiError('remote_failed', `Uploading to ${target.path} on ${target.nodeName} failed (${r.stderr.trim().slice(0, 200) || `exit ${String(r.exitCode)}`}). Is the node's /tmp full?`);
    bytes += chunk.length;
    onProgress(bytes);
  };
  for await (const piece of source) {
    hash.update(piece);
    parts.push(piece);
    partBytes += piece.length;
    if (partBytes >= CHUNK_BYTES) await send();
  }
  await send();
  const sha256 = hash.digest('hex');
  const check = await engine.exec(target.nodeId, ['sha256sum', '--', target.path], { signal, timeoutMs: 10 * 60_000 });
  const remote = check.stdout.trim().split(/\s+/)[0] ?? '';
  if (check.exitCode !== 0 || remote !== sha256) {
    throw new ApiError('remote_failed', `The copy of the backup on ${target.nodeName} does not match what was sent (sha256 ${remote.slice(0, 12) || 'unknown'} vs ${sha256.slice(0, 12)}). Nothing was restored.`);
  }
  return { path: target.path, bytes, sha256 };
}
