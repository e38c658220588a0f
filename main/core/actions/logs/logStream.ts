/**
 * The whole pipeline from a remote log command's stdout to entries: bytes to
 * lines (lineSplitter), lines to parsed lines (logLines), tracebacks grouped
 * (tracebackGroups). One per running `journalctl -f` or `compose logs -f`;
 * the caller flushes when the stream has been idle for a moment so the last
 * entry shows even when nothing follows it.
 */
import { createLineSplitter } from './lineSplitter';
import type { LogFormat } from './logCommands';
import type { LogEntry } from './logEntry';
import { parseLogLine, type LineOptions } from './logLines';
import { createTracebackGrouper } from './tracebackGroups';

export interface LogStream {
  push(chunk: Uint8Array | string): LogEntry[];
  /** Releases the held last entry (idle stream). */
  flush(): LogEntry[];
  /** End of the stream: the rest of the bytes and the held entry. */
  end(): LogEntry[];
  /** Notices seen so far ("-- No entries --", journalctl's permission hint). */
  notices(): string[];
}

export function createLogStream(format: LogFormat, options: LineOptions & { maxLineChars?: number } = {}): LogStream {
  const splitter = createLineSplitter(options.maxLineChars !== undefined ? { maxLineChars: options.maxLineChars } : {});
  const grouper = createTracebackGrouper();
  const notices: string[] = [];
  const feed = (lines: string[]): LogEntry[] => {
    const out: LogEntry[] = [];
    for (const line of lines) {
      for (const parsed of parseLogLine(line, format, options)) {
        if (parsed.kind === 'notice') notices.push(parsed.text);
        else out.push(...grouper.push(parsed));
      }
    }
    return out;
  };
  return {
    push: (chunk) => feed(splitter.push(chunk)),
    flush: () => grouper.flush(),
    end: () => [...feed(splitter.end()), ...grouper.flush()],
    notices: () => [...notices],
  };
}

/** A whole text at once: a loaded log, an export, a test fixture. */
export function parseLogText(text: string, format: LogFormat, options: LineOptions = {}): { entries: LogEntry[]; notices: string[] } {
  const stream = createLogStream(format, options);
  const entries = [...stream.push(text), ...stream.end()];
  return { entries, notices: stream.notices() };
}
