/**
 * The input fields of a login prompt: one per question the server asked,
 * labelled with the server's own words, hidden unless the server asked for
 * echo (a password or a code), and the browser's autocomplete hint that fits.
 */
import type { AuthPrompt } from './promptQueue';

export interface AuthField {
  label: string;
  isHidden: boolean;
  autoComplete: 'current-password' | 'one-time-code' | 'off';
}

const ONE_TIME = /verification|code|otp|token|one[- ]time|2fa|authenticator/i;
const PASSWORD = /pass(word|phrase)/i;

export function authFieldsOf(prompt: Pick<AuthPrompt, 'prompts'>): AuthField[] {
  return prompt.prompts.map((p, i) => {
    const text = p.prompt.trim().replace(/:\s*$/, '');
    return {
      label: text === '' ? `Answer ${i + 1}` : text,
      isHidden: !p.echo,
      autoComplete: ONE_TIME.test(text) ? 'one-time-code' : PASSWORD.test(text) ? 'current-password' : 'off',
    };
  });
}

/** The dialog title in words: whose login, and what kind of question. */
export function authPromptTitle(prompt: Pick<AuthPrompt, 'kind' | 'user' | 'host' | 'port' | 'nodeName'>): string {
  const who = `${prompt.user}@${prompt.host}${prompt.port === 22 ? '' : `:${prompt.port}`}`;
  if (prompt.kind === 'password') return `Password for ${who}`;
  if (prompt.kind === 'passphrase') return `Key passphrase for ${who}`;
  return `Login question from ${who}`;
}
