/**
 * Groups a Python traceback under the entry that logged it. journald and
 * compose store one line per entry, so "Traceback (most recent call last):",
 * its indented frame lines, chained-exception headers and the final
 * exception line arrive as separate lines; they become the `continuation`
 * of the previous entry of the same process. The last entry is held back
 * until the next one shows it is complete; call flush() when the stream is
 * idle or ends.
 */
import type { LogEntry } from './logEntry';
import type { ParsedLine } from './logLines';

const TRACEBACK_START = /^(?:\s*\+?\s*)?(?:Exception Group )?Traceback \(most recent call last\):$/;
const CHAIN_HEADER = /^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)$/;

export interface TracebackGrouper {
  push(line: ParsedLine): LogEntry[];
  flush(): LogEntry[];
}

function sameProcess(a: LogEntry, b: LogEntry): boolean {
  return a.source === b.source && (a.pid === null || b.pid === null || a.pid === b.pid);
}

/** frames: inside a traceback; after: its exception line was seen, a chained one may follow. */
type Mode = 'none' | 'frames' | 'after';

export function createTracebackGrouper(): TracebackGrouper {
  let held: LogEntry | null = null;
  let mode: Mode = 'none';

  const release = (): LogEntry[] => {
    // A blank line kept while waiting for a chained traceback that never came is not part of it.
    while (held && mode === 'after' && held.continuation[held.continuation.length - 1] === '') held.continuation.pop();
    const out = held ? [held] : [];
    held = null;
    mode = 'none';
    return out;
  };

  const attach = (text: string) => {
    if (held) held.continuation.push(text);
  };

  return {
    push(line) {
      if (line.kind === 'notice') return [];
      if (line.kind === 'continuation') {
        if (held) attach(line.text);
        else held = { time: null, timeText: null, level: null, logger: null, pid: null, source: null, host: null, message: line.text, text: line.text, continuation: [] };
        return [];
      }
      const entry = line.entry;
      const text = entry.text;
      const isProgramLine = entry.logger !== null;
      // endsWith first: the regex's own necessary ending, far cheaper on the many lines that are no traceback.
      if (!isProgramLine && text.endsWith('(most recent call last):') && TRACEBACK_START.test(text)) {
        if (held && sameProcess(held, entry)) {
          attach(text);
          mode = 'frames';
          return [];
        }
        const out = release();
        held = { ...entry, level: entry.level ?? 'error', continuation: [] };
        mode = 'frames';
        return out;
      }
      if (mode !== 'none' && held && !isProgramLine && sameProcess(held, entry)) {
        const framing = text === '' || CHAIN_HEADER.test(text);
        if (mode === 'frames') {
          attach(text);
          // Indented frames, blank lines and chain headers continue; the first other line is the exception.
          if (!(framing || /^\s/.test(text))) mode = 'after';
          return [];
        }
        if (framing) {
          attach(text);
          if (CHAIN_HEADER.test(text)) mode = 'frames';
          return [];
        }
      }
      const out = release();
      held = { ...entry, continuation: [...entry.continuation] };
      return out;
    },
    flush() {
      return release();
    },
  };
}

/** Groups a whole batch (a loaded log, a test). */
export function groupTracebacks(lines: readonly ParsedLine[]): LogEntry[] {
  const grouper = createTracebackGrouper();
  const out: LogEntry[] = [];
  for (const line of lines) out.push(...grouper.push(line));
  out.push(...grouper.flush());
  return out;
}
