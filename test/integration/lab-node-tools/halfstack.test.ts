/**
 * The simulated Docker halfstack of a lab node: `docker ps` shapes, `docker
 * exec` against the real PostgreSQL (a pg_dumpall that restores), compose
 * down/up really stopping and starting it, and the `backend.ai mgr etcd`
 * JSON round trip against the real etcd.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestNode, type TestNode } from './testNode';

let node: TestNode;
const PG = ['-e', 'PGPASSWORD=develove', 'halfstack-db'];
const TABLES = ['domains', 'groups', 'users', 'keypairs', 'agents', 'sessions', 'kernels', 'vfolders'];

beforeAll(() => {
  node = createTestNode('bai-m1', ['manager', 'wsproxy', 'postgres', 'redis', 'etcd']);
});

afterAll(() => {
  node?.destroy();
});

function sql(query: string, db = 'backend') {
  return node.run(['docker', 'exec', ...PG, 'psql', '-U', 'postgres', '-d', db, '-Atc', query]);
}

function rowCounts(): string {
  const r = sql(TABLES.map((t) => `SELECT '${t}', count(*) FROM ${t};`).join(' '));
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('docker ps', () => {
  it('lists halfstack-db the way the guide greps for it, and honours --filter and --format', () => {
    const table = node.run(['docker', 'ps']).stdout.split('\n');
    expect(table[0]).toMatch(/^CONTAINER ID {3}IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
    const db = table.find((l) => l.includes('halfstack-db')) ?? '';
    expect(db).toMatch(/^[0-9a-f]{12} {3}postgres:15\.6-alpine +"docker-entrypoint\.s…" +.+ ago +Up .+\(healthy\) +127\.0\.0\.1:5432->5432\/tcp +halfstack-db$/);
    const filtered = node.run(['docker', 'ps', '--filter', 'name=halfstack-db', '--format', '{{.Names}}\\t{{.State}}']);
    expect(filtered.stdout).toBe('halfstack-db\trunning\n');
    const json = node.run(['docker', 'ps', '--format', '{{json .}}']).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(json.map((c) => c.Names).sort()).toEqual(['halfstack-db', 'halfstack-etcd', 'halfstack-redis', 'wsproxy']);
    expect(node.run(['docker', 'ps', '-q', '--filter', 'status=exited']).stdout).toBe('');
  });
});

describe('docker exec into halfstack-db', () => {
  it('pg_dumpall produces a dump that restores into a fresh backend database with the same rows', () => {
    const before = rowCounts();
    expect(before).toMatch(/^kernels\|(\d{3,})$/m);
    const dumpFile = path.join(node.scratch, 'backup_db_data.sql');
    const dump = node.run(['sh', '-c', `docker exec ${PG.join(' ')} pg_dumpall -U postgres > ${dumpFile}`]);
    expect(dump.code, dump.stderr).toBe(0);
    const text = fs.readFileSync(dumpFile, 'utf8');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(text.trimEnd().endsWith('-- PostgreSQL database cluster dump complete\n--')).toBe(true);

    // The guide's restore: disconnect everyone, drop the database, feed the dump to psql.
    expect(sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'backend' AND pid <> pg_backend_pid()", 'postgres').code).toBe(0);
    const drop = sql('DROP DATABASE backend', 'postgres');
    expect(drop.code, drop.stderr).toBe(0);
    expect(sql('SELECT 1').stderr).toContain('database "backend" does not exist');

    const restore = node.run(['docker', 'exec', '-i', ...PG, 'psql', '-U', 'postgres', '-q', '-o', '/dev/null'], { input: fs.readFileSync(dumpFile) });
    expect(restore.code, restore.stderr).toBe(0);
    expect(rowCounts()).toBe(before);
  });

  it('passes exit codes and stdin through, and rejects a wrong password as PostgreSQL does', () => {
    expect(node.run(['docker', 'exec', '-i', 'halfstack-db', 'sh', '-c', 'cat; exit 7'], { input: 'byte\0exact\n' })).toMatchObject({ code: 7, stdout: 'byte\0exact\n' });
    const wrong = node.run(['docker', 'exec', '-e', 'PGPASSWORD=wrong', 'halfstack-db', 'psql', '-U', 'postgres', '-c', 'SELECT 1']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('password authentication failed for user "postgres"');
    expect(node.run(['docker', 'exec', 'halfstack-db', 'no-such-tool']).code).toBe(127);
    expect(node.run(['docker', 'exec', 'halfstack-etcd', 'etcdctl', 'get', '/sorna/local/config/redis/addr', '--print-value-only']).stdout).toBe('192.0.2.11:6379\n');
    expect(node.run(['docker', 'exec', 'halfstack-redis', 'redis-cli', 'ping']).stdout).toBe('PONG\n');
  });
});

// A member of group docker (the lab users are); without one this machine cannot show the sudo path.
const dockerMember = /^docker:[^:]*:\d+:([^,\n]+)/m.exec(fs.readFileSync('/etc/group', 'utf8'))?.[1];

describe('docker for a login user', () => {
  it.skipIf(!dockerMember)('lets a member of group docker exec as root in the container, through the lab sudo rule', () => {
    const r = node.run(['docker', 'exec', 'halfstack-db', 'id', '-u'], { user: dockerMember });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('0\n');
    expect(node.run(['docker', 'ps', '--format', '{{.Names}}', '--filter', 'name=db'], { user: dockerMember }).stdout).toBe('halfstack-db\n');
  });

  it('refuses a user outside group docker like the Docker socket does', () => {
    const r = node.run(['docker', 'ps'], { user: 'nobody' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^permission denied while trying to connect to the Docker daemon socket at unix:\/\/\/var\/run\/docker\.sock: /);
  });
});

describe('docker-compose', () => {
  const compose = (...args: string[]) => node.run(['docker-compose', '-f', 'docker-compose.hs.postgres.yaml', '-p', 'halfstack', ...args], { cwd: path.join(node.nodeDir, 'halfstack') });

  it('down really stops PostgreSQL and up -d brings it back with its data', () => {
    expect(compose('ps').stdout).toMatch(/^halfstack-db +docker-entrypoint\.sh postgres .* +Up \(healthy\) +127\.0\.0\.1:5432->5432\/tcp *$/m);
    const down = compose('down');
    expect(down.code, down.stderr).toBe(0);
    expect(down.stderr).toContain('Stopping halfstack-db ... done\nRemoving halfstack-db ... done\n');
    const refused = node.run(['/usr/lib/postgresql/15/bin/psql', '-h', '127.0.0.1', '-U', 'postgres', '-c', 'SELECT 1'], { env: { PGPASSWORD: 'develove' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Connection refused');
    expect(node.run(['docker', 'exec', 'halfstack-db', 'true']).stderr).toBe('Error response from daemon: No such container: halfstack-db\n');

    const up = compose('up', '-d');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain('Creating halfstack-db ... done');
    expect(sql('SELECT count(*) > 0 FROM users').stdout).toBe('t\n');
  });

  it('says a stopped container is not running', () => {
    const id = node.run(['docker', 'ps', '-q', '--no-trunc', '--filter', 'name=halfstack-redis']).stdout.trim();
    expect(node.run(['docker', 'stop', 'halfstack-redis']).code).toBe(0);
    expect(node.run(['docker', 'exec', 'halfstack-redis', 'redis-cli', 'ping'])).toMatchObject({ code: 1, stderr: `Error response from daemon: container ${id} is not running\n` });
    expect(node.run(['docker', 'ps', '-a', '--filter', 'status=exited', '--format', '{{.Names}}']).stdout).toBe('halfstack-redis\n');
    expect(node.run(['docker', 'start', 'halfstack-redis']).code).toBe(0);
  });
});

describe('backend.ai mgr etcd', () => {
  it('get --prefix and put-json round-trip byte for byte', () => {
    const saved = node.run(['backend.ai', 'mgr', 'etcd', 'get', '--prefix', '']);
    expect(saved.code).toBe(0);
    const tree = JSON.parse(saved.stdout) as { config: { docker: { registry: Record<string, Record<string, string>> } } };
    expect(tree.config.docker.registry['cr.backend.ai']?.['']).toBe('https://cr.backend.ai');
    expect(saved.stdout).toContain('"stable/python-tensorflow": {');
    expect(node.run(['backend.ai', 'mgr', 'etcd', 'delete', '--prefix', '']).code).toBe(0);
    expect(node.run(['backend.ai', 'mgr', 'etcd', 'get', '--prefix', '']).stdout).toBe('{}\n');
    expect(node.run(['backend.ai', 'mgr', 'etcd', 'put-json', '', '-'], { input: saved.stdout }).code).toBe(0);
    expect(node.run(['backend.ai', 'mgr', 'etcd', 'get', '--prefix', '']).stdout).toBe(saved.stdout);
    expect(node.run(['backend.ai', 'mgr', 'etcd', 'get', 'config/docker/registry/cr.backend.ai/type']).stdout).toBe('harbor2\n');
  });
});
