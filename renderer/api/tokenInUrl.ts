/** Finds the access token in a page URL (?token= or #token=) and the URL without it; pure, for tests. */
export function tokenFromUrl(href: string): { token: string | null; cleanedUrl: string } {
  const url = new URL(href);
  let token = url.searchParams.get('token');
  if (token !== null) url.searchParams.delete('token');
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const hashToken = hash.get('token');
  if (hashToken !== null) {
    token ??= hashToken;
    hash.delete('token');
    const rest = hash.toString();
    url.hash = rest === '' ? '' : `#${rest}`;
  }
  return { token, cleanedUrl: url.toString() };
}
