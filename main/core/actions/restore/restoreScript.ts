/**
 * Makes a pg_dumpall file restorable with ON_ERROR_STOP on a running
 * cluster. Its roles section starts with `CREATE ROLE postgres;` (and every
 * other role), which fails with "already exists" on any live server: the
 * guide's restore simply ignores that error. Each such line in the roles
 * section (before the first `\connect`) becomes a DO block that creates the
 * role only when it is missing; the ALTER ROLE that follows still applies
 * its attributes. One line in, one line out, so psql's line numbers still
 * point into the backup file. Everything else passes through untouched.
 */

const CREATE_ROLE = /^CREATE ROLE ((?:"(?:[^"]|"")+")|[A-Za-z_][A-Za-z0-9_$]*);$/;
/** The roles section is small; a "header" this long means the dump is not pg_dumpall's. */
const MAX_HEADER = 64 * 1024 * 1024;

export function guardedCreateRole(line: string): string {
  const m = CREATE_ROLE.exec(line);
  if (!m?.[1]) return line;
  return `DO $clusterdeck$ BEGIN CREATE ROLE ${m[1]}; EXCEPTION WHEN duplicate_object THEN NULL; END $clusterdeck$;`;
}

export async function* restorableDump(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head = '';
  let inHeader = true;
  for await (const chunk of source) {
    if (!inHeader) {
      yield chunk;
      continue;
    }
    head += chunk.toString('latin1');
    const firstConnect = head.search(/^\\connect /m);
    if (firstConnect < 0 && head.length < MAX_HEADER) continue;
    const cut = firstConnect < 0 ? head.lastIndexOf('\n') + 1 : firstConnect;
    const roles = head.slice(0, cut).split('\n').map(guardedCreateRole).join('\n');
    yield Buffer.from(roles + head.slice(cut), 'latin1');
    head = '';
    inHeader = firstConnect < 0;
  }
  if (head) yield Buffer.from(head.split('\n').map(guardedCreateRole).join('\n'), 'latin1');
}
