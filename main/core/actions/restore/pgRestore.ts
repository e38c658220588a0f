/**
 * The PostgreSQL part of a restore, the guide's recipe made safe: upload the
 * dump to the node (hash checked), terminate connections to `backend` and
 * drop it, stream the file into `psql -v ON_ERROR_STOP=1`, report the first
 * error with the dump lines around it, then compare tables and row counts
 * with what the dump holds.
 */
import { StringDecoder } from 'node:string_decoder';
import { ApiError } from '../../../../common/contract/errors';
import { sshEngineOf } from '../../ssh/sshDomain';
import { backupContent } from '../backup/backupReader';
import { dbPasswordOf } from '../backup/backupRun';
import { createDumpContentsReader } from '../backup/dumpContents';
import { findHalfstackContainer } from '../backup/halfstackContainer';
import { isPasswordRefusal, passwordLine, psqlArgv, psqlFromNodeFileArgv } from '../backup/postgresCommands';
import { BACKEND_DATABASE, compareTables, firstPsqlError, parseTableCounts, TABLE_COUNTS_SQL } from './databaseCheck';
import { makeNodeTempFile, removeNodeFile, uploadToNode } from './nodeUpload';
import type { RestoreOutcome, RestoreStep } from './restoreRun';
import { restorableDump } from './restoreScript';

const RESTORE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

const DROP_BACKEND_SQL = `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${BACKEND_DATABASE}' AND pid <> pg_backend_pid();
DROP DATABASE IF EXISTS ${BACKEND_DATABASE} WITH (FORCE);
`;

/**
 * Lines `line-2 .. line` of the backup's content, for an error's context, and
 * the database whose part of the dump holds that line (its last `\connect`).
 */
async function linesAround(step: RestoreStep, line: number): Promise<{ context: string; database: string | null }> {
  const from = Math.max(1, line - 2);
  const picked: string[] = [];
  let database: string | null = null;
  let n = 1;
  let partial = '';
  // A chunk may end inside a multi-byte character; the decoder carries it over.
  const text = new StringDecoder('utf8');
  for await (const chunk of backupContent(step.record.path, step.record.compression)) {
    const parts = (partial + text.write(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const lineText of parts) {
      const connect = /^\\connect (?:-reuse-previous=on )?"?([^"\s]+)"?/.exec(lineText);
      if (connect?.[1]) database = connect[1];
      if (n >= from && n <= line) picked.push(`${n}: ${lineText.length > 200 ? `${lineText.slice(0, 200)}…` : lineText}`);
      n += 1;
      if (n > line) return { context: picked.join('\n'), database };
    }
  }
  if (n === line && partial) picked.push(`${n}: ${partial.slice(0, 200)}`);
  return { context: picked.join('\n'), database };
}

export async function restorePostgres(step: RestoreStep): Promise<RestoreOutcome> {
  const { ctx, cluster, record, signal } = step;
  const engine = sshEngineOf(ctx);
  const { node, container } = await findHalfstackContainer(ctx, cluster, 'postgres', signal);
  const password = passwordLine(dbPasswordOf(ctx, cluster, node));
  const contents = createDumpContentsReader();
  const remote = await makeNodeTempFile(engine, node.id, node.name, signal);
  try {
    const source = (async function* () {
      for await (const chunk of restorableDump(backupContent(record.path, record.compression))) {
        contents.push(chunk);
        yield chunk;
      }
    })();
    await uploadToNode(engine, { nodeId: node.id, nodeName: node.name, path: remote }, source, signal, (bytes) =>
      // The file's size is the compressed size; uploaded bytes are uncompressed, so a total is known only for plain dumps.
      step.progress('uploading', bytes, record.compression === 'none' ? (record.size ?? 0) : 0),
    );
    const dump = contents.finish();

    step.progress('restoring', 0, 0);
    const dropped = await engine.exec(node.id, psqlArgv(container), { stdin: password + DROP_BACKEND_SQL, signal, timeoutMs: 5 * 60_000 });
    if (isPasswordRefusal(dropped.stderr)) throw new ApiError('auth_failed', `PostgreSQL in ${container} on ${node.name} refused the password for user postgres. Nothing was changed. Save the right database password and try again.`);
    if (dropped.exitCode !== 0) {
      throw new ApiError('remote_failed', `Dropping the ${BACKEND_DATABASE} database on ${node.name} failed: ${firstPsqlError(dropped.stderr)?.text ?? dropped.stderr.trim().slice(0, 300)}. Nothing else was changed.`);
    }
    let stderr = '';
    const restored = await engine.exec(node.id, psqlFromNodeFileArgv(container, remote), {
      stdin: password,
      signal,
      timeoutMs: RESTORE_TIMEOUT_MS,
      onStdout: () => undefined,
      onStderr: (c) => {
        if (stderr.length < 64 * 1024) stderr += c.toString('utf8');
      },
    });
    const first = firstPsqlError(stderr);
    if (restored.exitCode !== 0 || first) {
      const at = first?.line ? await linesAround(step, first.line) : { context: '', database: null };
      // pg_dumpall writes template1, backend, postgres...: parts before the failing one were restored, the rest not.
      const where = at.database ? `It stopped in the part for database "${at.database}"; nothing after that line was restored.` : `The ${BACKEND_DATABASE} database may be incomplete now.`;
      throw new ApiError(
        'remote_failed',
        `psql stopped at the first error${first?.line ? ` on line ${first.line} of the backup` : ''}: ${first?.text ?? stderr.trim().slice(0, 300)}${at.context ? `\n${at.context}` : ''}\n${where} Restore the safety backup to go back.`,
      );
    }

    step.progress('checking', 0, 0);
    const counted = await engine.exec(node.id, psqlArgv(container, BACKEND_DATABASE, ['-A', '-t']), { stdin: password + TABLE_COUNTS_SQL, signal, timeoutMs: 10 * 60_000 });
    if (counted.exitCode !== 0) throw new ApiError('remote_failed', `The restore ran, but counting the tables afterwards failed: ${firstPsqlError(counted.stderr)?.text ?? counted.stderr.trim().slice(0, 300)}`);
    const inDump = dump.databases.get(BACKEND_DATABASE) ?? new Map<string, number>();
    const differences = compareTables(inDump, parseTableCounts(counted.stdout));
    const rows = [...inDump.values()].reduce((a, b) => a + b, 0);
    return { message: `Restored ${cluster.name}'s PostgreSQL from ${record.path}: ${inDump.size} tables, ${rows} rows, matching the backup.`, differences };
  } finally {
    await removeNodeFile(engine, node.id, remote);
  }
}
