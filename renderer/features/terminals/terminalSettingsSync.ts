/**
 * Font size and scrollback across restarts: read from core when the terminal
 * dock mounts, saved to core on every change (core keeps them in its store,
 * so they survive whichever port or origin the web form is served from).
 * The store shows the change at once; a failed save is said in the toolbar.
 */
import type { ApiClient } from '../../../common/contract/api';
import type { TerminalSettings } from '../../../common/contract/schemas/terminal';
import { apiErrorOf } from '../../stores/apiErrorText';
import { useTerminalTabsStore } from '../../stores/terminalTabsStore';

export type TerminalSettingsCalls = Pick<ApiClient, 'getTerminalSettings' | 'setTerminalSettings'>;

let changesSinceLoad = 0;

/** Applies the saved settings, unless the operator changed one while they were being read. */
export async function loadTerminalSettings(calls: TerminalSettingsCalls): Promise<void> {
  const changesBefore = changesSinceLoad;
  try {
    const saved = await calls.getTerminalSettings({});
    if (changesSinceLoad === changesBefore) useTerminalTabsStore.setState({ fontSize: saved.fontSize, scrollback: saved.scrollback });
  } catch {
    // The store is refused or core is unreachable: the defaults stay, and the app's own banner says why.
  }
}

/** Shows the change now and saves it for the next start; answers whether it was saved. */
export async function changeTerminalSettings(change: Partial<TerminalSettings>, calls: TerminalSettingsCalls): Promise<boolean> {
  changesSinceLoad++;
  useTerminalTabsStore.setState({ ...change, settingsError: null });
  try {
    await calls.setTerminalSettings(change);
    return true;
  } catch (err) {
    useTerminalTabsStore.setState({ settingsError: `Not saved for the next start: ${apiErrorOf(err).message}` });
    return false;
  }
}
