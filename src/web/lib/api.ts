/**
 * The one HTTP client of the web app: JSON in and out, errors as RFC 9457 problem details in the
 * interface language (Accept-Language), the session's CSRF token on every write.
 */
import type { Lang } from './i18n.js';

export interface ProblemViolation {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** A problem of a scenario file, where it is (1-based line and column). */
export interface FileProblem {
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly violations: readonly ProblemViolation[] = [],
    readonly problems: readonly FileProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Who is signed in, and the session's CSRF token (./session.tsx). */
export const SESSION_PATH = '/api/auth/session';

let csrfToken: string | undefined;
let language: Lang = 'en';

export const setCsrf = (token: string | undefined): void => { csrfToken = token; };
export const setApiLanguage = (lang: Lang): void => { language = lang; };

export async function api<T>(path: string, init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language === 'fr' ? 'fr' : 'en' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const p = (json ?? {}) as { code?: string; detail?: string; violations?: ProblemViolation[]; problems?: FileProblem[] };
    throw new ApiError(response.status, p.code ?? `http.${response.status}`, p.detail ?? response.statusText, p.violations ?? [], p.problems ?? []);
  }
  return json as T;
}

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
