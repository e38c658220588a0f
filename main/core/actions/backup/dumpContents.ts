/**
 * What a pg_dumpall file holds, read line by line as it streams: for each
 * database (`\connect NAME`), each table's COPY block and its row count
 * (the lines up to `\.`). Restore compares this with the live database.
 * Pure: no I/O, fed with chunks in order.
 */
import { StringDecoder } from 'node:string_decoder';

export type TableCounts = Map<string, number>;

export interface DumpContents {
  /** database -> "schema.table" -> rows. */
  databases: Map<string, TableCounts>;
}

const COPY_LINE = /^COPY ([^ ]+) (?:\(.*\) )?FROM stdin;$/;

function connectTarget(line: string): string | null {
  if (!line.startsWith('\\connect ')) return null;
  const rest = line.slice('\\connect '.length).trim();
  // pg_dumpall writes `\connect -reuse-previous=on "dbname='x'"` for odd names; plain ones are bare.
  const quoted = /dbname='((?:[^']|'')*)'/.exec(rest);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/''/g, "'");
  return rest.replace(/^"|"$/g, '');
}

/** "public.users" / public."user" -> public.user (identifiers unquoted). */
export function tableName(raw: string): string {
  return raw.replace(/"((?:[^"]|"")*)"/g, (_m, inner: string) => inner.replace(/""/g, '"'));
}

export function createDumpContentsReader() {
  const databases = new Map<string, TableCounts>();
  let database = '';
  let copying: { table: string; rows: number } | null = null;
  let partial = '';
  const decoder = new StringDecoder('utf8');

  const onLine = (line: string) => {
    if (copying) {
      if (line === '\\.') {
        databases.get(database)?.set(copying.table, copying.rows);
        copying = null;
      } else copying.rows += 1;
      return;
    }
    const target = connectTarget(line);
    if (target !== null) {
      database = target;
      if (!databases.has(database)) databases.set(database, new Map());
      return;
    }
    const copy = COPY_LINE.exec(line);
    if (copy?.[1]) {
      if (!databases.has(database)) databases.set(database, new Map());
      copying = { table: tableName(copy[1]), rows: 0 };
    }
  };

  return {
    push(chunk: Buffer | string) {
      const text = partial + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    },
    finish(): DumpContents {
      partial += decoder.end();
      if (partial) onLine(partial);
      partial = '';
      return { databases };
    },
  };
}
