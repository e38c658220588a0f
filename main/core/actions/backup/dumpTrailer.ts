/**
 * pg_dumpall's completion trailer: the last thing it writes, only after every
 * database was dumped (src/bin/pg_dump/pg_dumpall.c, "PostgreSQL database
 * cluster dump complete"). A dump cut anywhere earlier lacks it.
 */

export const DUMP_TRAILER = '--\n-- PostgreSQL database cluster dump complete\n--';

/** Bytes of the end of a dump worth keeping to check the trailer. */
export const TRAILER_WINDOW = 256;

export function endsWithDumpTrailer(tail: string): boolean {
  return tail.replace(/\r\n/g, '\n').trimEnd().endsWith(DUMP_TRAILER);
}

/** Keeps the last TRAILER_WINDOW bytes of a stream. */
export function createTailKeeper(window = TRAILER_WINDOW) {
  let tail = Buffer.alloc(0);
  return {
    push(chunk: Buffer) {
      tail = chunk.length >= window ? Buffer.from(chunk.subarray(chunk.length - window)) : Buffer.concat([tail, chunk]).subarray(-window);
    },
    text: () => tail.toString('utf8'),
  };
}
