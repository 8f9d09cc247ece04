/**
 * The API token when rapport serve listens beyond loopback. The address it prints carries
 * `?token=…` once; the page keeps it in sessionStorage (gone when the tab closes) and removes it
 * from the address bar so it does not linger in history or get copied along with a link.
 */
const KEY = 'rapport.token';

export function adoptTokenFromAddress(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

export function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}
