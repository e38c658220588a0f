/**
 * After a PostgreSQL restore: the live `backend` database's tables and row
 * counts against what the dump holds, as sentences naming each difference.
 * Counting uses query_to_xml so one query counts every table.
 */
import type { TableCounts } from '../backup/dumpContents';

export const BACKEND_DATABASE = 'backend';

export const TABLE_COUNTS_SQL = `SELECT format('%s.%s', schemaname, tablename) || chr(9) ||
  (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text
FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1;
`;

export function parseTableCounts(stdout: string): TableCounts {
  const counts: TableCounts = new Map();
  for (const line of stdout.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) continue;
    const rows = Number(line.slice(tab + 1).trim());
    if (Number.isInteger(rows)) counts.set(line.slice(0, tab), rows);
  }
  return counts;
}

export function compareTables(inDump: TableCounts, live: TableCounts, limit = 30): string[] {
  const out: string[] = [];
  for (const [table, rows] of inDump) {
    const now = live.get(table);
    if (now === undefined) out.push(`table ${table} is missing`);
    else if (now !== rows) out.push(`table ${table} has ${now} rows; the backup has ${rows}`);
  }
  for (const table of live.keys()) if (!inDump.has(table)) out.push(`table ${table} is not in the backup`);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out;
}

/** psql's first error ("psql:<stdin>:123: ERROR:  ...") and its line number in the script. */
export function firstPsqlError(stderr: string): { line: number | null; text: string } | null {
  for (const raw of stderr.split('\n')) {
    const m = /^psql:[^:]*:(\d+): (?:ERROR|FATAL):\s+(.*)$/.exec(raw);
    if (m?.[1] && m[2] !== undefined) return { line: Number(m[1]), text: m[2].trim() };
    if (/\b(ERROR|FATAL):/.test(raw)) return { line: null, text: raw.replace(/^.*?(ERROR|FATAL):\s*/, '').trim() };
  }
  return null;
}
