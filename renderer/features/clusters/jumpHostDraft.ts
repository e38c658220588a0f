/** One ProxyJump hop as the form edits it (text fields), and back. */
import type { JumpHost } from '../../../common/contract/schemas/profiles';

export interface JumpHostDraft {
  host: string;
  port: string;
  user: string;
}

export const emptyJumpHost = (): JumpHostDraft => ({ host: '', port: '', user: '' });

/**
 * Form text to a port: blank means "use the default", digits a number, and
 * anything else NaN, which the API refuses with the field's own message.
 */
export function portFromText(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

export const textFromPort = (port: number | undefined): string => (port === undefined ? '' : String(port));

export function jumpHostFromDraft(d: JumpHostDraft): JumpHost {
  const port = portFromText(d.port);
  const user = d.user.trim();
  return { host: d.host.trim(), port: port ?? 22, ...(user ? { user } : {}) } as JumpHost;
}

export function draftFromJumpHost(j: JumpHost): JumpHostDraft {
  return { host: j.host, port: j.port === 22 ? '' : String(j.port), user: j.user ?? '' };
}
