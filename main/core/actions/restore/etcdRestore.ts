/**
 * The etcd part of a restore, in the manager dir: "replace all" deletes the
 * whole tree (`backend.ai mgr etcd delete --prefix ''`) and writes the
 * backup (`put-json '' -`), leaving exactly the backup; "merge" only writes,
 * so keys added since the backup stay. Then the tree is read back and
 * diffed: every key of the backup must be there with its value (and, for
 * replace all, nothing else).
 */
import { ApiError } from '../../../../common/contract/errors';
import type { EtcdRestoreMode } from '../../../../common/contract/schemas/backups';
import { sshEngineOf } from '../../ssh/sshDomain';
import { backupContent } from '../backup/backupReader';
import { ETCD_GET_ARGV } from '../backup/backupRun';
import { diffEtcdTrees, flattenEtcdTree, parseEtcdTree } from '../backup/etcdTree';
import { nodeWithRole } from '../backup/halfstackContainer';
import type { RestoreOutcome, RestoreStep } from './restoreRun';

const ETCD_CLI = ['backend.ai', 'mgr', 'etcd'];

function failureOf(r: { exitCode: number | null; stderr: string }): string | null {
  if (r.exitCode !== 0) return `exit ${String(r.exitCode)}: ${r.stderr.trim().split('\n').pop() ?? ''}`;
  // backend.ai exits 0 after logging an etcd failure with a traceback.
  if (/Traceback \(most recent call last\)|\bError\b/.test(r.stderr)) return r.stderr.trim().split('\n').pop() ?? 'an error on stderr';
  return null;
}

export async function restoreEtcd(step: RestoreStep, mode: EtcdRestoreMode): Promise<RestoreOutcome> {
  const { ctx, cluster, record, signal } = step;
  const engine = sshEngineOf(ctx);
  const node = nodeWithRole(cluster, 'manager', 'the manager (and its etcd CLI) is installed');
  const parts: Buffer[] = [];
  for await (const chunk of backupContent(record.path, record.compression)) parts.push(chunk);
  const json = Buffer.concat(parts);
  const wanted = flattenEtcdTree(parseEtcdTree(json.toString('utf8')));
  const opts = { signal, cwd: cluster.managerDir, timeoutMs: 5 * 60_000 };

  step.progress('restoring', 0, json.length);
  if (mode === 'replace-all') {
    const deleted = await engine.exec(node.id, [...ETCD_CLI, 'delete', '--prefix', ''], opts);
    const problem = failureOf(deleted);
    if (problem) throw new ApiError('remote_failed', `Deleting the etcd tree on ${node.name} failed (${problem}); nothing was written. Check that etcd is up.`);
  }
  const put = await engine.exec(node.id, [...ETCD_CLI, 'put-json', '', '-'], { ...opts, stdin: json });
  const putProblem = failureOf(put);
  if (putProblem) {
    throw new ApiError('remote_failed', `Writing the backup into etcd on ${node.name} failed (${putProblem}).${mode === 'replace-all' ? ' The tree was already deleted: restore the safety backup.' : ''}`);
  }
  step.progress('checking', json.length, json.length);
  const read = await engine.exec(node.id, ETCD_GET_ARGV, opts);
  const readProblem = failureOf(read);
  if (readProblem) throw new ApiError('remote_failed', `The restore ran, but reading the etcd tree back failed (${readProblem}).`);
  const actual = flattenEtcdTree(parseEtcdTree(read.stdout));
  const differences = diffEtcdTrees(wanted, actual).filter((d) => mode === 'replace-all' || !d.startsWith('extra key'));
  return {
    message: `Restored ${cluster.name}'s etcd from ${record.path} (${mode === 'replace-all' ? 'replace all' : 'merge'}): ${wanted.size} keys, read back and equal to the backup.`,
    differences,
  };
}
