/**
 * Terminals: local shells (node-pty) and shells on a node (an ssh2 channel with a PTY).
 * Output is pushed as `terminal.data` events; the renderer writes each batch
 * into its xterm instance and, in xterm's write callback, acknowledges the
 * batch's `bytes` with ackTerminal. Main pauses the shell while too much is
 * unacknowledged, so a flood never outruns the screen (see flowControl.ts).
 */
import { z } from 'zod';

export const TERMINAL_KINDS = ['local', 'remote'] as const;
export const TerminalKind = z.enum(TERMINAL_KINDS);
export type TerminalKind = z.infer<typeof TerminalKind>;

// xterm.js has no hard limit; these only refuse nonsense (a 0-wide or 1e9-wide pty).
export const TerminalCols = z
  .number({ error: 'Give the terminal width in columns.' })
  .int('Columns are a whole number.')
  .min(1, 'A terminal is at least 1 column wide.')
  .max(1000, 'A terminal is at most 1000 columns wide.');
export const TerminalRows = z
  .number({ error: 'Give the terminal height in rows.' })
  .int('Rows are a whole number.')
  .min(1, 'A terminal is at least 1 row high.')
  .max(500, 'A terminal is at most 500 rows high.');

export const TerminalId = z.string().min(1).max(64);

/** Why a terminal ended: its shell exited, someone closed it, its node connection dropped, or it never started. */
export const TERMINAL_EXIT_REASONS = ['exited', 'closed', 'lost', 'failed'] as const;
export const TerminalExitReason = z.enum(TERMINAL_EXIT_REASONS);
export type TerminalExitReason = z.infer<typeof TerminalExitReason>;

const TerminalNodeId = z.string().min(1).max(64);
const ShortcutServiceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'A service id is lower-case letters, digits and dashes (postgres, manager, ...).');

/**
 * What a remote terminal runs instead of the login shell. Shortcuts, never
 * free argv: main builds each command from the catalog (which container,
 * which unit), so the renderer cannot ask for an arbitrary command line.
 */
export const TerminalShortcut = z.discriminatedUnion('kind', [
  /** `docker exec -it <container> bash` in the service's running container (found with docker ps). */
  z.object({ kind: z.literal('container-shell'), serviceId: ShortcutServiceId }).strict(),
  /** `sudo journalctl -f -u <unit>` of a systemd service. */
  z.object({ kind: z.literal('journal'), serviceId: ShortcutServiceId }).strict(),
  /** `backend.ai mgr dbshell` in the cluster's manager folder (manager nodes). */
  z.object({ kind: z.literal('dbshell') }).strict(),
]);
export type TerminalShortcut = z.infer<typeof TerminalShortcut>;

export const TerminalInfo = z.object({
  terminalId: TerminalId,
  kind: TerminalKind,
  /** What a tab shows: "bash (local)", "prod-a / bai-a01", "prod-a / bai-m1 · postgres shell". */
  title: z.string(),
  /** The node of a remote terminal; null for a local shell. */
  nodeId: z.string().nullable(),
  /**
   * The shortcut the terminal was opened with (as validated at open), null
   * for a plain shell: a tab restored from this list reconnects to the same
   * container shell, journal or dbshell, not to a login shell.
   */
  shortcut: TerminalShortcut.nullable(),
  cols: z.number().int(),
  rows: z.number().int(),
  openedAt: z.string(),
  /** True while main holds the shell back because the renderer has not caught up. */
  paused: z.boolean(),
  unackedBytes: z.number().int(),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

export const TerminalData = z.object({
  terminalId: TerminalId,
  /** 1, 2, 3... per terminal, so a renderer can tell a gap or a reorder. */
  seq: z.number().int(),
  /** Decoded UTF-8; a character split across reads arrives whole in one batch. */
  data: z.string(),
  /** Source bytes this batch stands for: acknowledge exactly this once xterm has written it. */
  bytes: z.number().int(),
});
export type TerminalData = z.infer<typeof TerminalData>;

export const TerminalExit = z.object({
  terminalId: TerminalId,
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  reason: TerminalExitReason,
  /** A sentence for the tab when the reason is 'lost' or 'failed'. */
  message: z.string().optional(),
});
export type TerminalExit = z.infer<typeof TerminalExit>;

/** Pushed events; common/contract/events.ts spreads these into eventSchemas. */
export const terminalEvents = {
  /** A batch of output, in order. Always followed, eventually, by one terminal.exit. */
  'terminal.data': TerminalData,
  /** The terminal ended; no more data follows and its id is gone. */
  'terminal.exit': TerminalExit,
} as const;


/**
 * The operator's terminal display settings, kept by core (not in the page's
 * localStorage): the web form's origin changes with --port / --host, so
 * per-origin storage would forget them; the store survives both forms' restarts.
 */
export const TERMINAL_FONT_SIZE_RANGE = { min: 8, max: 32 } as const;
export const TERMINAL_SCROLLBACK_RANGE = { min: 0, max: 100_000 } as const;
export const TerminalSettings = z
  .object({
    fontSize: z
      .number({ error: 'Give the terminal font size in pixels.' })
      .int('The font size is a whole number of pixels.')
      .min(TERMINAL_FONT_SIZE_RANGE.min, `The terminal font is at least ${TERMINAL_FONT_SIZE_RANGE.min} px.`)
      .max(TERMINAL_FONT_SIZE_RANGE.max, `The terminal font is at most ${TERMINAL_FONT_SIZE_RANGE.max} px.`),
    // xterm keeps every scrollback line in memory (~100 bytes a line at 120 columns): 100,000 lines is ~10 MB per tab.
    scrollback: z
      .number({ error: 'Give the scrollback as a number of lines.' })
      .int('Scrollback is a whole number of lines.')
      .min(TERMINAL_SCROLLBACK_RANGE.min, 'Scrollback cannot be negative.')
      .max(TERMINAL_SCROLLBACK_RANGE.max, 'Scrollback is at most 100,000 lines.'),
  })
  .strict();
export type TerminalSettings = z.infer<typeof TerminalSettings>;
export const DEFAULT_TERMINAL_SETTINGS: TerminalSettings = { fontSize: 13, scrollback: 10_000 };

// A keystroke is a few bytes; a paste is bigger. Past 1 MiB the renderer sends it in pieces.
const MAX_INPUT_CHARS = 1024 * 1024;

const size = { cols: TerminalCols, rows: TerminalRows };

export const terminalMethods = {
  openLocalTerminal: {
    input: z.object(size).strict(),
    output: z.object({ terminalId: TerminalId }),
  },
  openRemoteTerminal: {
    input: z.object({ nodeId: TerminalNodeId, ...size, command: TerminalShortcut.optional() }).strict(),
    output: z.object({ terminalId: TerminalId, title: z.string() }),
  },
  writeTerminal: {
    input: z
      .object({ terminalId: TerminalId, data: z.string().max(MAX_INPUT_CHARS, 'Send input in pieces of at most 1 MiB.') })
      .strict(),
    output: z.object({}),
  },
  resizeTerminal: {
    input: z.object({ terminalId: TerminalId, ...size }).strict(),
    output: z.object({ resized: z.boolean() }),
  },
  ackTerminal: {
    input: z
      .object({ terminalId: TerminalId, bytes: z.number().int().min(0).max(2 ** 31 - 1) })
      .strict(),
    output: z.object({}),
  },
  closeTerminal: {
    input: z.object({ terminalId: TerminalId }).strict(),
    output: z.object({ closed: z.boolean() }),
  },
  listTerminals: { input: z.object({}).strict(), output: z.array(TerminalInfo) },
  getTerminalSettings: { input: z.object({}).strict(), output: TerminalSettings },
  /** Saves what is given, keeps the rest; answers the settings now in force. */
  setTerminalSettings: { input: TerminalSettings.partial().strict(), output: TerminalSettings },
} as const;
