/** Opens a terminal tab to a node, titled "cluster / node" until core answers with the real title. */
import type { TerminalShortcut } from '../../../common/contract/schemas/terminal';
import { findNode, useProfilesStore } from '../../stores/profilesStore';
import { openTerminalTab } from './terminalSessions';

export function openNodeTerminal(nodeId: string, command?: TerminalShortcut): string {
  const found = findNode(useProfilesStore.getState().clusters, nodeId);
  const title = found ? `${found.cluster.name} / ${found.node.name}` : 'terminal';
  return openTerminalTab({ kind: 'remote', nodeId, ...(command ? { command } : {}) }, title);
}
