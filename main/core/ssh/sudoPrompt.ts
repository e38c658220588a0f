/**
 * Watches a `sudo -S -p <nonce prompt>` channel's stderr and says when to
 * write the password. Pure: fed stderr chunks, returns what to pass through
 * and what to do. Why a random nonce prompt rather than piping the password:
 * the password must go only to sudo's own prompt (never to the command's
 * stdin, never on a command line), and only once: a second prompt or "Sorry,
 * try again." means it was refused, and we stop instead of looping.
 * After authentication the wrapper prints a start marker; only then may the
 * caller's stdin flow, so it can never be read as a password.
 */

export interface SudoTokens {
  /** What sudo prints as its prompt (-p); no '%' so sudo expands nothing. */
  prompt: string;
  /** What the wrapper prints on stderr once sudo let the command start. */
  started: string;
}

export function sudoTokens(nonce: string): SudoTokens {
  if (!/^[A-Za-z0-9]+$/.test(nonce)) throw new Error('sudo nonce must be alphanumeric');
  return { prompt: `[cd-sudo-${nonce}]`, started: `[cd-sudo-${nonce}-ok]\n` };
}

// sudo's own words: "Sorry, try again." before a re-prompt; "N incorrect password attempt(s)" when
// passwd_tries is used up (1 on some hosts); the rest when the user may not sudo at all.
const WRONG_PASSWORD = ['Sorry, try again.', 'incorrect password attempt'];
const REFUSALS = [...WRONG_PASSWORD, 'is not in the sudoers file', 'is not allowed to run sudo', 'may not run sudo', 'a password is required'];

export interface SudoWatchState {
  phase: 'authenticating' | 'running' | 'refused';
  /** Bytes held back because they may be the start of a token (latin1 string = bytes). */
  held: string;
  promptsSeen: number;
}

export interface SudoStep {
  state: SudoWatchState;
  /** stderr for the caller, tokens removed (latin1 string = bytes). */
  passthrough: string;
  sendPassword: boolean;
  started: boolean;
  refused: boolean;
  /** Why refused: 'wrong-password' or 'not-allowed'. */
  refusal?: 'wrong-password' | 'not-allowed';
}

export const initialSudoWatch: SudoWatchState = { phase: 'authenticating', held: '', promptsSeen: 0 };

/** The longest tail of `text` that is a proper prefix of one of `tokens`. */
function heldTail(text: string, tokens: readonly string[]): number {
  let best = 0;
  for (const t of tokens) {
    for (let n = Math.min(t.length - 1, text.length); n > best; n--) {
      if (text.endsWith(t.slice(0, n))) {
        best = n;
        break;
      }
    }
  }
  return best;
}

/** Feed one stderr chunk (as a latin1 string so bytes survive exactly). */
export function stepSudoWatch(state: SudoWatchState, chunk: string, tokens: SudoTokens): SudoStep {
  if (state.phase !== 'authenticating') {
    return { state, passthrough: state.phase === 'running' ? chunk : '', sendPassword: false, started: false, refused: false };
  }
  let text = state.held + chunk;
  let passthrough = '';
  let promptsSeen = state.promptsSeen;
  let sendPassword = false;
  for (;;) {
    const p = text.indexOf(tokens.prompt);
    const s = text.indexOf(tokens.started);
    const r = REFUSALS.map((w) => ({ w, i: text.indexOf(w) })).filter((x) => x.i >= 0).sort((a, b) => a.i - b.i)[0];
    const firstIdx = Math.min(p < 0 ? Infinity : p, s < 0 ? Infinity : s, r ? r.i : Infinity);
    if (firstIdx === Infinity) break;
    if (r && r.i === firstIdx) {
      const refusal = WRONG_PASSWORD.includes(r.w) ? 'wrong-password' : 'not-allowed';
      return {
        state: { phase: 'refused', held: '', promptsSeen },
        passthrough: passthrough + text.slice(0, r.i),
        sendPassword: false,
        started: false,
        refused: true,
        refusal,
      };
    }
    if (p === firstIdx) {
      passthrough += text.slice(0, p);
      text = text.slice(p + tokens.prompt.length);
      promptsSeen++;
      if (promptsSeen > 1) {
        return {
          state: { phase: 'refused', held: '', promptsSeen },
          passthrough,
          sendPassword: false,
          started: false,
          refused: true,
          refusal: 'wrong-password',
        };
      }
      sendPassword = true;
      continue;
    }
    // The start marker: sudo is done, everything after it is the command's.
    passthrough += text.slice(0, s) + text.slice(s + tokens.started.length);
    return {
      state: { phase: 'running', held: '', promptsSeen },
      passthrough,
      sendPassword,
      started: true,
      refused: false,
    };
  }
  const keep = heldTail(text, [tokens.prompt, tokens.started, ...REFUSALS]);
  passthrough += text.slice(0, text.length - keep);
  return {
    state: { phase: 'authenticating', held: text.slice(text.length - keep), promptsSeen },
    passthrough,
    sendPassword,
    started: false,
    refused: false,
  };
}
