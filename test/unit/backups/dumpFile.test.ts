import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDumpContentsReader, tableName } from '../../../main/core/actions/backup/dumpContents';
import { createTailKeeper, endsWithDumpTrailer } from '../../../main/core/actions/backup/dumpTrailer';
import { guardedCreateRole, restorableDump } from '../../../main/core/actions/restore/restoreScript';

const dump = readFileSync(join(__dirname, 'fixtures/pg_dumpall-lab-excerpt.sql'));

function inChunks(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

async function* fromChunks(chunks: Buffer[]) {
  for (const c of chunks) yield c;
}

describe("pg_dumpall's completion trailer", () => {
  it('is found at the end of a whole dump, fed in odd-sized chunks', () => {
    const tail = createTailKeeper();
    for (const c of inChunks(dump, 7)) tail.push(c);
    expect(endsWithDumpTrailer(tail.text())).toBe(true);
  });

  it('is missing from a dump cut anywhere before its end', () => {
    for (const cut of [10, dump.length / 2, dump.length - 40]) {
      expect(endsWithDumpTrailer(dump.subarray(0, Math.floor(cut)).toString('utf8'))).toBe(false);
    }
  });
});

describe('the tables and row counts a dump holds', () => {
  it('counts the rows of each COPY block per database, whatever the chunking', () => {
    for (const size of [1, 13, 4096]) {
      const reader = createDumpContentsReader();
      for (const c of inChunks(dump, size)) reader.push(c);
      const { databases } = reader.finish();
      expect(Object.fromEntries(databases.get('backend') ?? [])).toEqual({ 'public.alembic_version': 1, 'public.resource_presets': 3 });
      expect(databases.get('template1')?.size).toBe(0);
    }
  });

  it('unquotes quoted identifiers', () => {
    expect(tableName('public."user"')).toBe('public.user');
    expect(tableName('"odd""name".t')).toBe('odd"name.t');
  });
});

describe('the restorable dump', () => {
  it('turns CREATE ROLE of the roles section into a create-if-missing block, line for line', async () => {
    const out: Buffer[] = [];
    for await (const c of restorableDump(fromChunks(inChunks(dump, 50)))) out.push(c);
    const text = Buffer.concat(out).toString('utf8');
    expect(text.split('\n')).toHaveLength(dump.toString('utf8').split('\n').length);
    expect(text).not.toMatch(/^CREATE ROLE postgres;$/m);
    expect(text).toContain('DO $clusterdeck$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $clusterdeck$;');
    expect(text.slice(text.indexOf('\\connect template1'))).toBe(dump.toString('utf8').slice(dump.toString('utf8').indexOf('\\connect template1')));
  });

  it('leaves other statements alone', () => {
    expect(guardedCreateRole('CREATE ROLE "Odd Role";')).toContain('CREATE ROLE "Odd Role";');
    expect(guardedCreateRole('ALTER ROLE postgres WITH SUPERUSER;')).toBe('ALTER ROLE postgres WITH SUPERUSER;');
    expect(guardedCreateRole('CREATE ROLE x; DROP TABLE y;')).toBe('CREATE ROLE x; DROP TABLE y;');
  });
});
