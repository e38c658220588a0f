/**
 * Logs: following and reading journald units and compose services on one
 * node or merged across all the nodes of a service. openLogs only starts the
 * remote commands; parsed entries arrive as `logs.batch` events in batches,
 * each node's progress as `logs.state`; closeLogs ends the remote processes.
 * A viewer that opens with `acknowledge` reports what it stored (ackLogs) and
 * core pauses the nodes while too much is unacknowledged.
 */
import { z } from 'zod';
import { Id } from './profiles';
import { ServiceId } from './serviceEntities';

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;

/** Client-chosen, so the renderer knows the id before the first batch can arrive. */
export const LogStreamId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A log stream id is letters, digits, dashes and underscores.');

/** Past this the renderer's bounded buffer would drop the oldest lines anyway. */
export const MAX_LAST_LINES = 200_000;

/** sudo for journalctl: auto reads without it and retries with it when journald hides lines; compose never needs it here. */
export const LogSudo = z.enum(['auto', 'always', 'never']);
export type LogSudo = z.infer<typeof LogSudo>;

const AnsiColor = z.union([z.number().int(), z.string()]);
export const AnsiStyle = z.object({
  fg: AnsiColor.optional(),
  bg: AnsiColor.optional(),
  bold: z.literal(true).optional(),
  dim: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  underline: z.literal(true).optional(),
  inverse: z.literal(true).optional(),
  strike: z.literal(true).optional(),
});
export type AnsiStyle = z.infer<typeof AnsiStyle>;
export const StyledSpan = z.object({ text: z.string(), style: AnsiStyle });
export type StyledSpan = z.infer<typeof StyledSpan>;

/** One entry as the viewer shows it: a line, or a logged traceback with its lines grouped under it. */
export const LogLine = z.object({
  /** 1, 2, 3... per stream in the order core parsed them (the tie-break of a merge). */
  seq: z.number().int(),
  nodeId: z.string(),
  /** Epoch ms; null when the line carries no time. */
  time: z.number().nullable(),
  timeText: z.string().nullable(),
  level: LogLevel.nullable(),
  logger: z.string().nullable(),
  pid: z.number().int().nullable(),
  /** journal identifier or compose container name. */
  source: z.string().nullable(),
  /** The line after the journal / compose prefix, ANSI codes removed: what search, filter and export read. */
  text: z.string(),
  /** The colours of `text`, only for lines that carried ANSI codes. */
  spans: z.array(StyledSpan).nullable(),
  /** A traceback's lines (ANSI removed). */
  continuation: z.array(z.string()),
});
export type LogLine = z.infer<typeof LogLine>;

/**
 * A LogLine on the wire: its fields in LogLine's order as one array, the node
 * as an index into its batch's `nodeIds`. The keys and the repeated node id
 * were over a third of a batch's JSON, which the web form writes and the
 * browser copies and parses for every line of a 100,000-line load.
 */
export const PackedLogLine = z.tuple([
  LogLine.shape.seq,
  z.number().int().nonnegative(),
  LogLine.shape.time,
  LogLine.shape.timeText,
  LogLine.shape.level,
  LogLine.shape.logger,
  LogLine.shape.pid,
  LogLine.shape.source,
  LogLine.shape.text,
  LogLine.shape.spans,
  LogLine.shape.continuation,
]);
export type PackedLogLine = z.infer<typeof PackedLogLine>;

export interface PackedLogLines {
  nodeIds: string[];
  lines: PackedLogLine[];
}

export function packLogLines(lines: readonly LogLine[]): PackedLogLines {
  const nodeIds: string[] = [];
  const packed = lines.map((l): PackedLogLine => {
    let node = nodeIds.indexOf(l.nodeId);
    if (node === -1) node = nodeIds.push(l.nodeId) - 1;
    return [l.seq, node, l.time, l.timeText, l.level, l.logger, l.pid, l.source, l.text, l.spans, l.continuation];
  });
  return { nodeIds, lines: packed };
}

export function unpackLogLines(batch: { nodeIds: readonly string[]; lines: readonly PackedLogLine[] }): LogLine[] {
  return batch.lines.map(([seq, node, time, timeText, level, logger, pid, source, text, spans, continuation]) => ({
    seq,
    nodeId: batch.nodeIds[node] ?? '',
    time,
    timeText,
    level,
    logger,
    pid,
    source,
    text,
    spans,
    continuation,
  }));
}

export const LogNodeState = z.enum(['starting', 'running', 'ended', 'failed', 'closed']);
export type LogNodeState = z.infer<typeof LogNodeState>;

export const LogStreamNode = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  /** What the operator would type on the node. */
  command: z.string(),
});
export type LogStreamNode = z.infer<typeof LogStreamNode>;

export const OpenLogsInput = z
  .object({
    streamId: LogStreamId.optional(),
    clusterId: Id,
    /** The nodes to read; all nodes of the cluster that run the service when left out (the merged view). */
    nodeIds: z.array(Id).min(1).max(100).optional(),
    serviceId: ServiceId,
    lastN: z.number().int().min(1).max(MAX_LAST_LINES).default(500),
    /** Only lines from this time on (ISO 8601). */
    since: z.iso.datetime({ offset: true, error: 'Give the start time as an ISO 8601 date and time.' }).optional(),
    follow: z.boolean().default(true),
    /** journalctl -p: Backend.AI logs everything at priority info, so the viewer filters levels itself. */
    priority: LogLevel.optional(),
    sudo: LogSudo.default('auto'),
    /**
     * The viewer acknowledges each batch's `bytes` with ackLogs; core pauses the
     * remote commands while more than a high watermark is unacknowledged. Off
     * for clients that never ack (they would stall after a few MB).
     */
    acknowledge: z.boolean().default(false),
  })
  .strict();

export const logMethods = {
  openLogs: {
    input: OpenLogsInput,
    output: z.object({ streamId: LogStreamId, serviceLabel: z.string(), nodes: z.array(LogStreamNode) }),
  },
  closeLogs: {
    input: z.object({ streamId: LogStreamId }).strict(),
    output: z.object({ closed: z.boolean() }),
  },
  /** The viewer stored batches weighing `bytes` (the sum of their `bytes`). */
  ackLogs: {
    input: z.object({ streamId: LogStreamId, bytes: z.number().int().positive().max(1024 * 1024 * 1024) }).strict(),
    output: z.object({ open: z.boolean(), paused: z.boolean() }),
  },
} as const;

export const logEvents = {
  /**
   * Parsed entries of one stream, in batches (time- and size-bounded); several nodes' entries sorted by time within a batch.
   * Packed (PackedLogLine): read them with unpackLogLines(batch).
   */
  'logs.batch': z.object({
    streamId: z.string(),
    /** The nodes the lines refer to by index. */
    nodeIds: z.array(z.string()),
    lines: z.array(PackedLogLine),
    /** What the batch weighs for flow control: acknowledge this (summed) once stored. */
    bytes: z.number().int().nonnegative(),
  }),
  /** One node of a stream started, ended (no follow), failed (with a sentence) or was closed. */
  'logs.state': z.object({
    streamId: z.string(),
    nodeId: z.string(),
    state: LogNodeState,
    message: z.string().optional(),
    /** Set when the node's command changed (auto sudo retried it with sudo). */
    command: z.string().optional(),
  }),
} as const;
