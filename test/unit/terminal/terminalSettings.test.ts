import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TERMINAL_SETTINGS, TerminalSettings } from '../../../common/contract/schemas/terminal';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { changeTerminalSettings, loadTerminalSettings, type TerminalSettingsCalls } from '../../../renderer/features/terminals/terminalSettingsSync';
import { FONT_SIZES, SCROLLBACK_CHOICES, useTerminalTabsStore } from '../../../renderer/stores/terminalTabsStore';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';
import { tempDir, testPorts } from '../support/testPorts';

const open: ConnectedCore[] = [];
function start(root: string): ConnectedCore {
  const c = connectedCore(testPorts(root));
  open.push(c);
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.core.close();
  useTerminalTabsStore.setState({ ...DEFAULT_TERMINAL_SETTINGS, settingsError: null });
});

describe('terminal settings kept by core', () => {
  it('starts from the defaults, saves a change field by field, and still has it after a restart', async () => {
    const root = tempDir();
    const first = start(root);
    expect(await first.client.getTerminalSettings({})).toEqual(DEFAULT_TERMINAL_SETTINGS);
    expect(await first.client.setTerminalSettings({ fontSize: 16 })).toEqual({ fontSize: 16, scrollback: DEFAULT_TERMINAL_SETTINGS.scrollback });
    expect(await first.client.setTerminalSettings({ scrollback: 50_000 })).toEqual({ fontSize: 16, scrollback: 50_000 });
    await first.core.close();

    const second = start(root);
    expect(await second.client.getTerminalSettings({})).toEqual({ fontSize: 16, scrollback: 50_000 });
  });

  it('refuses sizes out of range, fractions and unknown fields with a sentence, and keeps what was saved', async () => {
    const { client } = start(tempDir());
    await client.setTerminalSettings({ fontSize: 14 });
    for (const bad of [{ fontSize: 200 }, { fontSize: 7 }, { fontSize: 12.5 }, { scrollback: -1 }, { scrollback: 1_000_000 }, { fontSize: 14, color: 'red' }]) {
      const err = await rejectionOf(client.setTerminalSettings(bad as never));
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(/[A-Z].*\.|Unrecognized/);
    }
    expect(await client.getTerminalSettings({})).toEqual({ fontSize: 14, scrollback: DEFAULT_TERMINAL_SETTINGS.scrollback });
  });

  it('reads a hand-edited row field by field: what is out of range falls back to its default', async () => {
    const root = tempDir();
    const first = start(root);
    await first.client.setTerminalSettings({ fontSize: 18, scrollback: 5000 });
    await first.core.close();
    const db = new Database(join(root, 'data', STORE_FILE));
    db.prepare("UPDATE app_settings SET value = ? WHERE key = 'terminal'").run(JSON.stringify({ fontSize: 999, scrollback: 5000, theme: 'x' }));
    db.close();

    const second = start(root);
    expect(await second.client.getTerminalSettings({})).toEqual({ fontSize: DEFAULT_TERMINAL_SETTINGS.fontSize, scrollback: 5000 });
    expect(second.ports.logger.lines).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('terminal settings in the store are not valid') })]));
  });
});

describe('terminal settings in the renderer', () => {
  it('offers only font sizes and scrollback lengths that core will save', () => {
    for (const fontSize of FONT_SIZES) expect(TerminalSettings.safeParse({ fontSize, scrollback: DEFAULT_TERMINAL_SETTINGS.scrollback }).success).toBe(true);
    for (const scrollback of SCROLLBACK_CHOICES) expect(TerminalSettings.safeParse({ fontSize: DEFAULT_TERMINAL_SETTINGS.fontSize, scrollback }).success).toBe(true);
    expect(FONT_SIZES).toContain(DEFAULT_TERMINAL_SETTINGS.fontSize);
    expect(SCROLLBACK_CHOICES).toContain(DEFAULT_TERMINAL_SETTINGS.scrollback);
  });

  it('a change shows at once, is saved in core, and the next start loads it', async () => {
    const root = tempDir();
    const first = start(root);
    expect(await changeTerminalSettings({ fontSize: 20 }, first.client)).toBe(true);
    expect(useTerminalTabsStore.getState().fontSize).toBe(20);
    await first.core.close();

    useTerminalTabsStore.setState({ ...DEFAULT_TERMINAL_SETTINGS }); // a new page starts from the defaults
    const second = start(root);
    await loadTerminalSettings(second.client);
    expect(useTerminalTabsStore.getState()).toMatchObject({ fontSize: 20, scrollback: DEFAULT_TERMINAL_SETTINGS.scrollback });
  });

  it('does not let a slow load undo a change made meanwhile', async () => {
    const { client } = start(tempDir());
    await client.setTerminalSettings({ fontSize: 11 });
    let answer: (() => void) | undefined;
    const slow: TerminalSettingsCalls = {
      getTerminalSettings: async (input) => {
        const saved = await client.getTerminalSettings(input);
        await new Promise<void>((resolve) => (answer = resolve));
        return saved;
      },
      setTerminalSettings: (input) => client.setTerminalSettings(input),
    };
    const loading = loadTerminalSettings(slow);
    await changeTerminalSettings({ fontSize: 24 }, slow);
    await new Promise((r) => setTimeout(r, 0));
    answer?.();
    await loading;
    expect(useTerminalTabsStore.getState().fontSize).toBe(24);
    expect(await client.getTerminalSettings({})).toMatchObject({ fontSize: 24 });
  });

  it('says when a change could not be saved, and still shows it', async () => {
    const failing: TerminalSettingsCalls = {
      getTerminalSettings: async () => DEFAULT_TERMINAL_SETTINGS,
      setTerminalSettings: async () => {
        throw { code: 'store_corrupt', message: 'The ClusterDeck database is damaged.' };
      },
    };
    expect(await changeTerminalSettings({ scrollback: 1000 }, failing)).toBe(false);
    expect(useTerminalTabsStore.getState()).toMatchObject({ scrollback: 1000, settingsError: 'Not saved for the next start: The ClusterDeck database is damaged.' });
  });
});
