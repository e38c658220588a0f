import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSnapshotCheck } from '../../../main/core/actions/backup/etcdSnapshot';
import { diffEtcdTrees, describeEtcdTree, flattenEtcdTree, parseEtcdTree } from '../../../main/core/actions/backup/etcdTree';
import { compareTables, firstPsqlError, parseTableCounts } from '../../../main/core/actions/restore/databaseCheck';
import { errorLinesOf, isPasswordRefusal, pgDumpallArgv, psqlFromNodeFileArgv } from '../../../main/core/actions/backup/postgresCommands';

describe('etcd trees as backend.ai prints them', () => {
  const text = JSON.stringify({ config: { docker: { registry: { 'cr.backend.ai': { '': 'https://cr.backend.ai', type: 'harbor2' } } }, redis: { addr: '127.0.0.1:6379' } } });

  it('flattens nested keys, keeping a value that also has children', () => {
    expect([...flattenEtcdTree(parseEtcdTree(text))]).toEqual([
      ['config/docker/registry/cr.backend.ai', 'https://cr.backend.ai'],
      ['config/docker/registry/cr.backend.ai/type', 'harbor2'],
      ['config/redis/addr', '127.0.0.1:6379'],
    ]);
  });

  it('refuses JSON that is not a tree with keys', () => {
    expect(describeEtcdTree('[1,2]')).toMatchObject({ ok: false });
    expect(describeEtcdTree('{}')).toMatchObject({ ok: false, problem: expect.stringMatching(/no keys/) });
    expect(describeEtcdTree('{"config": {"a"')).toMatchObject({ ok: false, problem: expect.stringMatching(/not valid JSON/) });
    expect(describeEtcdTree(text)).toEqual({ ok: true, keys: 3 });
  });

  it('names missing, changed and extra keys', () => {
    const wanted = new Map([['a', '1'], ['b', '2']]);
    expect(diffEtcdTrees(wanted, new Map([['a', '1'], ['b', '3'], ['c', '4']]))).toEqual(['key b differs', 'extra key c']);
    expect(diffEtcdTrees(wanted, new Map([['a', '1']]))).toEqual(['missing key b']);
  });
});

describe('the check after a PostgreSQL restore', () => {
  it('parses psql -A -t output of table counts', () => {
    expect([...parseTableCounts('public.users\t3\npublic.agents\t12\n\n')]).toEqual([['public.users', 3], ['public.agents', 12]]);
  });

  it('names each difference against the dump', () => {
    const dump = new Map([['public.users', 3], ['public.agents', 12]]);
    expect(compareTables(dump, new Map([['public.users', 3], ['public.agents', 12]]))).toEqual([]);
    expect(compareTables(dump, new Map([['public.users', 2], ['public.extra', 0]]))).toEqual([
      'table public.users has 2 rows; the backup has 3',
      'table public.agents is missing',
      'table public.extra is not in the backup',
    ]);
  });

  it("finds psql's first error and its line", () => {
    expect(firstPsqlError('psql:<stdin>:1234: ERROR:  relation "public.x" does not exist\nLINE 1: ...')).toEqual({ line: 1234, text: 'relation "public.x" does not exist' });
    expect(firstPsqlError('NOTICE:  nothing\n')).toBeNull();
  });
});

describe('commands that reach PostgreSQL', () => {
  it('never put the password in an argv', () => {
    const argv = [...pgDumpallArgv('halfstack-db'), ...psqlFromNodeFileArgv('halfstack-db', '/tmp/f')];
    expect(argv.join(' ')).not.toMatch(/PGPASSWORD=|develove/);
    expect(pgDumpallArgv('halfstack-db').slice(0, 4)).toEqual(['docker', 'exec', '-i', 'halfstack-db']);
  });

  it('tells errors and password refusals from chatter', () => {
    expect(errorLinesOf('pg_dumpall: warning: x\npg_dump: error: query failed')).toEqual(['pg_dump: error: query failed']);
    expect(isPasswordRefusal('FATAL:  password authentication failed for user "postgres"')).toBe(true);
  });
});

describe('the raw etcd snapshot check', () => {
  const body = Buffer.from('bolt database pages '.repeat(5000));
  const whole = Buffer.concat([body, createHash('sha256').update(body).digest()]);
  const check = (bytes: Buffer, size: number) => {
    const c = createSnapshotCheck();
    for (let i = 0; i < bytes.length; i += size) c.push(bytes.subarray(i, i + size));
    return c.problem();
  };

  it('accepts a snapshot whose last 32 bytes are the sha256 of the rest, whatever the chunking', () => {
    for (const size of [1, 31, 33, 4096]) expect(check(whole, size)).toBeNull();
  });

  it('refuses a truncated or altered snapshot', () => {
    expect(check(whole.subarray(0, whole.length - 100), 4096)).toMatch(/does not match/);
    const altered = Buffer.from(whole);
    altered[10] = 0;
    expect(check(altered, 4096)).toMatch(/does not match/);
    expect(check(Buffer.alloc(10), 4096)).toMatch(/too short/);
  });
});
