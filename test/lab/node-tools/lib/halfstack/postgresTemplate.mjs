// A ready PostgreSQL 15 cluster with the seeded `backend` database, built once
// per (schema version, size) under the lab cache and copied into a node's
// halfstack volume: initdb and seeding take seconds (minutes at 1 GB), a copy
// takes well under one. Built on a private unix socket, so no port is needed;
// the finished cluster only accepts scram-sha-256 password logins (develove).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { cacheDir, readNodeConfig, nodePaths } from '../labPaths.mjs';
import { PG_BIN, postgresIds } from '../docker/serverKinds.mjs';
import { backendSeedSql, SCHEMA_VERSION } from './backendSchema.mjs';
import { sleep } from '../processes.mjs';

export const DB_PASSWORD = 'develove';
const DEFAULT_SIZE_MB = 4;

const HBA = `# TYPE  DATABASE        USER            ADDRESS                 METHOD
local   all             all                                     scram-sha-256
host    all             all             127.0.0.1/32            scram-sha-256
host    all             all             ::1/128                 scram-sha-256
host    all             all             all                     scram-sha-256
`;

export function databaseSizeMb() {
  const fromEnv = Number(process.env.LAB_DB_SIZE_MB);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.min(fromEnv, 2048);
  return Number(readNodeConfig(nodePaths())?.dbSizeMb ?? DEFAULT_SIZE_MB);
}

function asPostgres(argv, options = {}) {
  const ids = postgresIds();
  return execFileSync(argv[0], argv.slice(1), { uid: ids.uid, gid: ids.gid, cwd: '/', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
}

export async function ensurePostgresTemplate(sizeMb = databaseSizeMb()) {
  const target = path.join(cacheDir, `pg15-backend-v${SCHEMA_VERSION}-${sizeMb}mb`);
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return target;
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
  // Templates of older schema versions are never used again.
  for (const entry of fs.readdirSync(cacheDir)) {
    if (/^pg15-backend-v\d+-/.test(entry) && !entry.startsWith(`pg15-backend-v${SCHEMA_VERSION}-`)) fs.rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  const ids = postgresIds();
  const build = fs.mkdtempSync(`${target}.build-`);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdlab-pg-'));
  fs.chownSync(build, ids.uid, ids.gid);
  fs.chmodSync(build, 0o700);
  fs.chownSync(socketDir, ids.uid, ids.gid);
  let server = null;
  try {
    asPostgres([`${PG_BIN}/initdb`, '-D', build, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    server = spawn(`${PG_BIN}/postgres`, ['-D', build, '-c', 'listen_addresses=', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off', '-c', 'max_wal_size=2GB'], {
      uid: ids.uid, gid: ids.gid, cwd: '/', stdio: 'ignore',
    });
    await waitForSocket(socketDir);
    const psql = (db, sql) => asPostgres([`${PG_BIN}/psql`, '-h', socketDir, '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-q', '-f', '-'], { input: sql });
    psql('postgres', `ALTER USER postgres PASSWORD '${DB_PASSWORD}';\nCREATE DATABASE backend;\n`);
    psql('backend', backendSeedSql(sizeMb));
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    server = null;
    fs.writeFileSync(path.join(build, 'pg_hba.conf'), HBA);
    fs.appendFileSync(path.join(build, 'postgresql.conf'), "\n# ClusterDeck lab\npassword_encryption = 'scram-sha-256'\nlog_timezone = 'UTC'\nmax_connections = 256\n");
    try {
      fs.renameSync(build, target);
    } catch {
      // Another node built the same template at the same time: keep theirs.
      fs.rmSync(build, { recursive: true, force: true });
    }
    return target;
  } finally {
    if (server) server.kill('SIGKILL');
    fs.rmSync(socketDir, { recursive: true, force: true });
    if (fs.existsSync(build)) fs.rmSync(build, { recursive: true, force: true });
  }
}

async function waitForSocket(dir) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(path.join(dir, '.s.PGSQL.5432'))) {
      try {
        execFileSync(`${PG_BIN}/pg_isready`, ['-h', dir, '-q']);
        return;
      } catch {
        // Still starting up.
      }
    }
    await sleep(50);
  }
  throw new Error(`the template PostgreSQL did not start within 60 s (socket dir ${dir})`);
}
