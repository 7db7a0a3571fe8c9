/**
 * What comes in before a route sees it: times checked by the one strict parser (schema formats
 * `evere-date` and `evere-time`), integers in parameters written in decimal digits only (Ajv's
 * coercion would read `0x10` as 16 and ` ` as 0), and JSON bodies refused past a nesting depth
 * before they are parsed, so that nothing downstream recurses on them.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Ajv } from 'ajv';
import { EvereError } from '../app/errors.js';
import { isDate, isDecimalId, isTimeInput, parseDecimalId } from '../app/time.js';

/** Deepest nesting a JSON body may have. */
export const JSON_MAX_DEPTH = 64;

/** The schema formats of the API's dates and times (Ajv plugin). */
export function timeFormats(ajv: Ajv): Ajv {
  ajv.addFormat('evere-time', { type: 'string', validate: isTimeInput });
  ajv.addFormat('evere-date', { type: 'string', validate: isDate });
  return ajv;
}

type Part = 'params' | 'querystring';

/** The integer-typed properties of a route's params and querystring schemas. */
function integerFields(route: RouteOptions): [Part, string][] {
  const out: [Part, string][] = [];
  for (const part of ['params', 'querystring'] as const) {
    const schema = route.schema?.[part] as { properties?: Record<string, { type?: unknown }> } | undefined;
    for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
      if (prop.type === 'integer' || (Array.isArray(prop.type) && prop.type.includes('integer'))) out.push([part, name]);
    }
  }
  return out;
}

/** Largest depth of nested arrays and objects in JSON text, stopping early past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function inputHygiene(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const fields = integerFields(route);
    if (!fields.length) return;
    const check = async (request: FastifyRequest) => {
      for (const [part, name] of fields) {
        const raw = (part === 'params' ? request.params : request.query) as Record<string, unknown> | undefined;
        const value = raw?.[name];
        if (value === undefined) continue;
        // A signed integer may carry one minus sign; no property of ours does today.
        if (typeof value !== 'string' || !isDecimalId(value.startsWith('-') ? value.slice(1) : value)) {
          parseDecimalId(typeof value === 'string' ? value : String(value), name);
        }
      }
    };
    const existing = route.preValidation;
    route.preValidation = existing === undefined ? [check] : [...(Array.isArray(existing) ? existing : [existing]), check];
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, JSON_MAX_DEPTH) > JSON_MAX_DEPTH) {
      done(new EvereError('input.too_deep', { limit: JSON_MAX_DEPTH }), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
