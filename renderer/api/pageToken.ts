/**
 * The web form's access token. It arrives in the URL the server printed
 * (?token= or #token=), is moved to sessionStorage at once and removed from
 * the address bar, so it is not left in history, bookmarks or screenshots.
 * sessionStorage keeps it across reloads of this tab only.
 */
import { tokenFromUrl } from './tokenInUrl';

const STORAGE_KEY = 'clusterdeck.token';

export function takePageToken(): string | null {
  const { token, cleanedUrl } = tokenFromUrl(window.location.href);
  if (token !== null) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    window.history.replaceState(window.history.state, '', cleanedUrl);
    return token;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
