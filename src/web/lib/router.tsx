/**
 * A small client-side router over the History API: locale-prefixed paths (/en/…, /fr/…) and a
 * `world` query parameter for scenario worlds (absent = the real record). Links are real <a>
 * elements, so they work without JavaScript's help for opening in a new tab.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import type { Lang } from './i18n.js';

const NAVIGATE = 'evere:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATE, callback);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  if (!options.replace) window.scrollTo(0, 0);
}

export interface Location {
  readonly lang: Lang;
  /** Path after the language, without leading or trailing slash: '' for home, 'allies/FIN'. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly world: string;
}

export function parseLocation(key: string): Location {
  const url = new URL(key, 'http://x');
  const parts = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const first = parts[0];
  const lang: Lang = first === 'fr' ? 'fr' : 'en';
  const rest = first === 'en' || first === 'fr' ? parts.slice(1) : parts;
  const world = url.searchParams.get('world');
  return {
    lang,
    path: rest.join('/'),
    segments: rest,
    query: url.searchParams,
    world: world && /^[a-z0-9][a-z0-9-]{0,62}$/.test(world) ? world : 'record',
  };
}

/**
 * The address of a page: `path` is relative to the language root ('' for home); the current
 * world is kept unless it is the record; `query` adds or removes (undefined) parameters.
 */
export function hrefFor(lang: Lang, path: string, world: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (world !== 'record') params.set('world', world);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  const clean = path.replace(/^\/+|\/+$/g, '');
  return `/${lang}/${clean}${qs ? `?${qs}` : ''}`;
}

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  };
  return <a {...rest} href={href} onClick={onClick}>{children}</a>;
}
