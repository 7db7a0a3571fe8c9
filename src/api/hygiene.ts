/**
 * HTTP hygiene: security headers on every answer, brotli or gzip for JSON,
 * HTML and assets (@fastify/compress), and caching for the built web app — hashed assets
 * (`/assets/NAME-HASH.js`) immutable for a year, everything else revalidated (index.html is the
 * one file that names the new hashes after a release).
 *
 * The Content-Security-Policy allows no inline script and no inline style: the web app is Vite
 * output (one module script, stylesheets, all files of this origin); React sets styles through
 * the CSSOM, which style-src does not govern. The only inline style is the <style> element
 * Observable Plot puts in every chart; it is allowed by its SHA-256 hash, not by 'unsafe-inline'
 * (the browser tests listen for any violation, so a Plot upgrade that changes it is caught).
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress, { type FastifyCompressOptions } from '@fastify/compress';

/** A CSP hash source for an inline element's exact text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The text of the <style> element Observable Plot adds to a chart with its default class
 * (node_modules/@observablehq/plot/src/plot.js; the class name changes whenever it does).
 */
export const PLOT_STYLE = `:where(.plot-d6a7b5) {
  --plot-background: white;
  display: block;
  height: auto;
  height: intrinsic;
  max-width: 100%;
}
:where(.plot-d6a7b5 text),
:where(.plot-d6a7b5 tspan) {
  white-space: pre;
}`;

/** The policy of every page and answer of this server (camel-case directive names). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", sha256Source(PLOT_STYLE)],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The policy as a header value, for answers that set their own (with extra style hashes). */
export function cspHeader(extraStyles: readonly string[] = []): string {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${kebab(name)} ${[...values, ...(name === 'styleSrc' ? extraStyles.map(sha256Source) : [])].join(' ')}`)
    .join('; ');
}

/**
 * The headers every answer carries. Set from one precomputed object by one hook: @fastify/helmet
 * sets the same headers but halved the requests per second of a cached answer (bench/), which
 * is more than a dozen constant headers are worth.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': cspHeader(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': REFERRER_POLICY,
  'cross-origin-opener-policy': 'same-origin',
};

/** Security headers and compression for every route registered after this. */
export async function httpHygiene(app: FastifyInstance): Promise<void> {
  // onRequest: a route that needs its own policy (the HTML scenario report) sets it over this one.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  await app.register(compress, COMPRESSION);
}

/** How answers are compressed (shared with the benchmark's bare floor). */
export const COMPRESSION = {
  global: true,
  encodings: ['br', 'gzip'],
  threshold: 1024,
  // Answers are made per request: a quick brotli level (quality 11 costs far more than it saves).
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  zlibOptions: { level: 6 },
} satisfies FastifyCompressOptions;

/** Vite names built files NAME-HASH.EXT under assets/ (8 characters of base64url hash). */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** Cache-Control for a file of the built web app. */
export function webCacheControl(webRoot: string, file: string): string {
  const path = relative(webRoot, file).split(sep).join('/');
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
