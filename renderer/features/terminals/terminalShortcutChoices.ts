/**
 * Which terminal shortcuts a node offers, from its resolved services: a shell
 * in each container service, the journal of each systemd unit, and the
 * manager's dbshell. Pure, so the menu's content is tested without a browser.
 */
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import type { TerminalShortcut } from '../../../common/contract/schemas/terminal';

export interface ShortcutChoice {
  label: string;
  command: TerminalShortcut;
}

export function shortcutChoices(services: readonly ServiceEntry[]): ShortcutChoice[] {
  const choices: ShortcutChoice[] = [];
  for (const s of services) {
    if (s.kind === 'compose') choices.push({ label: `Shell in ${s.label} container`, command: { kind: 'container-shell', serviceId: s.id } });
  }
  for (const s of services) {
    if (s.kind === 'systemd') choices.push({ label: `Follow ${s.unit.replace(/\.service$/, '')} journal`, command: { kind: 'journal', serviceId: s.id } });
  }
  if (services.some((s) => s.role === 'manager')) choices.push({ label: 'Database shell (backend.ai mgr dbshell)', command: { kind: 'dbshell' } });
  return choices;
}
