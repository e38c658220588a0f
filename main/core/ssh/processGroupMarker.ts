/**
 * Learns the remote process group of an exec. The command line starts with
 * `printf '[cd-pgid-<nonce>:%s]' "$$" >&2`: sshd makes the login shell a
 * session leader (setsid), so its $$ is the group of everything the command
 * starts. Stopping a command can then fall back to `kill -- -<pgid>` where
 * sshd ignores the "signal" request (root logins: OpenSSH answers "session
 * signalling requires privilege separation"; older or other servers).
 * Pure: fed stderr chunks, returns stderr without the marker and the group.
 */

export interface MarkerState {
  done: boolean;
  held: string;
}

export const initialMarkerState: MarkerState = { done: false, held: '' };

export function markerPrefix(nonce: string): string {
  return `[cd-pgid-${nonce}:`;
}

/** The shell words that print the marker; they go before the quoted command. */
export function markerCommand(nonce: string): string {
  return `printf '${markerPrefix(nonce)}%s]' "$$" >&2; `;
}

export function stepMarker(state: MarkerState, chunk: string, nonce: string): { state: MarkerState; passthrough: string; pgid?: number } {
  if (state.done) return { state, passthrough: chunk };
  const text = state.held + chunk;
  const prefix = markerPrefix(nonce);
  const m = new RegExp(`${prefix.replace(/[[\]-]/g, '\\$&')}(\\d+)\\]`).exec(text);
  if (m) {
    return {
      state: { done: true, held: '' },
      passthrough: text.slice(0, m.index) + text.slice(m.index + m[0].length),
      pgid: Number(m[1]),
    };
  }
  // Keep a tail that may still grow into the marker: a prefix of it, or the prefix plus digits.
  let keep = 0;
  const at = text.lastIndexOf(prefix);
  if (at >= 0 && /^\d*$/.test(text.slice(at + prefix.length))) keep = text.length - at;
  else {
    for (let n = Math.min(prefix.length - 1, text.length); n > 0; n--) {
      if (text.endsWith(prefix.slice(0, n))) {
        keep = n;
        break;
      }
    }
  }
  return { state: { done: false, held: text.slice(text.length - keep) }, passthrough: text.slice(0, text.length - keep) };
}
