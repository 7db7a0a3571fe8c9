/**
 * The web app's shell (web-dist/index.html) as the server sends it for /en/… and /fr/….
 *
 * For the home page (/en/, /fr/) the shell also carries what the build described in
 * web-dist/shell.json (src/web/shell-plugin.ts): module preloads of the home page's own code and
 * a preload of today's map shapes, so that a first visit fetches them with the entry's code
 * instead of after running it; and the home page's API answers in a JSON data block, so that it
 * draws without a round trip to the API. Those answers are made by this server's own routes
 * through app.inject, with the caller's cookie, language and address: the same authorisation, the
 * same bytes and the same rate limit as if the page had fetched them. An answer other than 200,
 * one that sets a cookie, or a read that fails (a dropped database connection answers 503) is
 * left out: the page fetches it and shows the error as usual. The shell then depends on the
 * session: it is sent `private, no-cache`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What web-dist/shell.json holds. */
export interface ShellDescription {
  readonly home: {
    readonly modulePreloads: readonly string[];
    readonly fetchPreloads: readonly string[];
    /** API paths, with worldPlaceholder for the world's URL-encoded name. */
    readonly reads: readonly string[];
    readonly worldPlaceholder: string;
    readonly bootElementId: string;
  };
}

/** The web app's rule for the ?world= parameter (src/web/lib/router.tsx): otherwise the record. */
const WORLD_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Attribute values and paths written into the shell: the build's own file names only. */
const SAFE_PATH = /^\/[A-Za-z0-9._/{}-]+$/;

const isDescription = (value: unknown): value is ShellDescription => {
  const home = (value as { home?: Record<string, unknown> } | null)?.home;
  const paths = (list: unknown) => Array.isArray(list) && list.every((p) => typeof p === 'string' && SAFE_PATH.test(p));
  return !!home && paths(home.modulePreloads) && paths(home.fetchPreloads) && paths(home.reads)
    && typeof home.worldPlaceholder === 'string' && typeof home.bootElementId === 'string' && /^[a-z-]+$/.test(home.bootElementId);
};

/** Script data blocks end at "</script": every "<" in the JSON (only ever inside strings) is escaped. */
export const scriptSafe = (json: string): string => json.replace(/</g, '\\u003c');

async function description(webRoot: string): Promise<ShellDescription | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(webRoot, 'shell.json'), 'utf8'));
    return isDescription(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The home page's answers, made by the app's own routes as the caller would have fetched them. */
async function homeAnswers(app: FastifyInstance, request: FastifyRequest, lang: 'en' | 'fr', home: ShellDescription['home']): Promise<string> {
  const query = request.query as { world?: unknown };
  const world = typeof query.world === 'string' && WORLD_NAME.test(query.world) ? query.world : 'record';
  const paths = home.reads.map((path) => path.replace(home.worldPlaceholder, encodeURIComponent(world)));
  const answers = await Promise.all(paths.map(async (path) => {
    const response = await app.inject({
      method: 'GET', url: path, remoteAddress: request.ip,
      headers: { accept: 'application/json', 'accept-language': lang, ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}) },
    }).catch(() => undefined);
    if (!response) return undefined;
    // An answer that sets a cookie is the browser's to receive: left for the page to fetch.
    const json = response.statusCode === 200 && String(response.headers['content-type'] ?? '').startsWith('application/json') && response.headers['set-cookie'] === undefined;
    return json ? `${JSON.stringify(path)}:${response.body}` : undefined;
  }));
  return `{${answers.filter((a) => a !== undefined).join(',')}}`;
}

/** index.html in the page's language from the first byte (the code sets it too, once it runs). */
const inLanguage = (index: string, lang: 'en' | 'fr'): string => index.replace('<html lang="en">', `<html lang="${lang}">`);

/** index.html as the home page's shell: in the page's language, with its preloads and its answers (JSON text). */
export function homeShell(index: string, lang: 'en' | 'fr', preloads: string, bootElementId: string, answers: string): string {
  return inLanguage(index, lang)
    .replace('</head>', () => `${preloads}</head>`)
    // Through a function: a `$` in an answer is text, not a replacement pattern.
    .replace('</body>', () => `<script type="application/json" id="${bootElementId}">${scriptSafe(answers)}</script></body>`);
}

/** Sends the shell for a client-side route: index.html, and for the home page what it needs first. */
export async function sendShell(app: FastifyInstance, webRoot: string, request: FastifyRequest, reply: FastifyReply, lang: 'en' | 'fr'): Promise<FastifyReply> {
  const route = (request.params as { '*'?: string })['*'] ?? '';
  const shell = route === '' ? await description(webRoot) : undefined;
  if (!shell) {
    if (lang === 'en') return reply.sendFile('index.html');
    const index = await readFile(join(webRoot, 'index.html'), 'utf8');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(inLanguage(index, lang));
  }
  const { home } = shell;
  const [index, answers] = await Promise.all([readFile(join(webRoot, 'index.html'), 'utf8'), homeAnswers(app, request, lang, home)]);
  const preloads = [
    ...home.modulePreloads.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...home.fetchPreloads.map((href) => `<link rel="preload" as="fetch" crossorigin fetchpriority="low" href="${href}">`),
  ].join('');
  const html = homeShell(index, lang, preloads, home.bootElementId, answers);
  return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-cache').header('vary', 'cookie, accept-encoding').send(html);
}
