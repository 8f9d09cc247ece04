/**
 * Hash routing: `#/people/12`. The server then needs no route table for pages, a reload keeps
 * the page, and links work with the keyboard like any other link.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { readonly page: 'today' }
  | { readonly page: 'people' }
  | { readonly page: 'person'; readonly id: number }
  | { readonly page: 'composer'; readonly to?: string; readonly text?: string }
  | { readonly page: 'audit' }
  | { readonly page: 'import' }
  | { readonly page: 'missing'; readonly path: string };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  const [first, second] = parts;
  if (!first || first === 'today') return { page: 'today' };
  if (first === 'people' && second && /^\d+$/.test(second)) return { page: 'person', id: Number(second) };
  if (first === 'people') return { page: 'people' };
  if (first === 'composer') {
    const to = params.get('to');
    const text = params.get('text');
    return { page: 'composer', ...(to ? { to } : {}), ...(text ? { text } : {}) };
  }
  if (first === 'audit') return { page: 'audit' };
  if (first === 'import') return { page: 'import' };
  return { page: 'missing', path };
}

export const href = {
  today: () => '#/today',
  people: () => '#/people',
  person: (id: number) => `#/people/${id}`,
  /** The composer, optionally with the person and a draft filled in. */
  composer: (to?: string, text?: string) => {
    const params = new URLSearchParams();
    if (to) params.set('to', to);
    if (text) params.set('text', text);
    const search = params.toString();
    return search ? `#/composer?${search}` : '#/composer';
  },
  audit: () => '#/audit',
  import: () => '#/import',
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
