/**
 * A parsed LogEntry to the LogLine the renderer receives: ANSI codes removed
 * from the text (search, filter and export read plain text) and, only for
 * lines that had them, the styled spans to draw the colours. Most lines have
 * none, so most lines carry no spans over the wire.
 */
import type { LogLine } from '../../../../common/contract/schemas/logs';
import { parseAnsi, stripAnsi } from './ansiSpans';
import type { LogEntry } from './logEntry';

export function toLogLine(entry: LogEntry, nodeId: string, seq: number): LogLine {
  const coloured = entry.text.includes('\x1b');
  return {
    seq,
    nodeId,
    time: entry.time,
    timeText: entry.timeText,
    level: entry.level,
    logger: entry.logger,
    pid: entry.pid,
    source: entry.source,
    text: coloured ? stripAnsi(entry.text) : entry.text,
    spans: coloured ? parseAnsi(entry.text) : null,
    continuation: entry.continuation.map(stripAnsi),
  };
}
