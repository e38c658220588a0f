/**
 * The operator's terminal font size and scrollback, kept in the store's
 * app_settings table (migration 5) under the key 'terminal', so both forms
 * find them after a restart whatever port the web form runs on. Checked with
 * the contract's schema on read: a row it refuses reads as the defaults.
 */
import { DEFAULT_TERMINAL_SETTINGS, TerminalSettings } from '../../../common/contract/schemas/terminal';
import type { Logger } from '../ports';
import type { Store } from '../store/openStore';

const KEY = 'terminal';

export interface TerminalSettingsStore {
  read(): TerminalSettings;
  /** Saves the given fields over what is saved, and answers the result. */
  save(change: Partial<TerminalSettings>): TerminalSettings;
}

export function terminalSettingsStore(store: Pick<Store, 'db'>, now: () => Date, logger: Pick<Logger, 'warn'>): TerminalSettingsStore {
  const read = (): TerminalSettings => {
    const row = store.db().prepare('SELECT value FROM app_settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (!row) return { ...DEFAULT_TERMINAL_SETTINGS };
    // Field by field: one missing or out of range (hand-edited, another version) falls back alone.
    const saved = parseObject(row.value);
    const fontSize = TerminalSettings.shape.fontSize.safeParse(saved.fontSize);
    const scrollback = TerminalSettings.shape.scrollback.safeParse(saved.scrollback);
    if (!fontSize.success || !scrollback.success) {
      logger.warn('terminal settings in the store are not valid; using the default for what is not', { value: row.value.slice(0, 200) });
    }
    return {
      fontSize: fontSize.success ? fontSize.data : DEFAULT_TERMINAL_SETTINGS.fontSize,
      scrollback: scrollback.success ? scrollback.data : DEFAULT_TERMINAL_SETTINGS.scrollback,
    };
  };
  return {
    read,
    save(change) {
      const next = TerminalSettings.parse({ ...read(), ...change });
      store
        .db()
        .prepare(
          `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(KEY, JSON.stringify(next), now().toISOString());
      return next;
    },
  };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
