/** Shared JSON schemas of the API (they also make the OpenAPI document). */
export const worldParam = {
  type: 'object', additionalProperties: false, required: ['world'],
  properties: { world: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } },
} as const;

/** A calendar date or UTC time, checked by the one strict parser (src/app/time.ts). */
const date = { type: 'string', format: 'evere-time', maxLength: 29, description: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.sss]]Z (UTC)' } as const;

export const timeQuery = {
  type: 'object', additionalProperties: false,
  properties: { asOf: date, knownAt: date, format: { type: 'string', enum: ['json', 'csv'] } },
} as const;

export const entrySchema = {
  type: 'object', additionalProperties: true,
  required: ['v', 'world', 'seq', 'type', 'validTime', 'recordTime', 'actor', 'actingFor', 'kid', 'classification', 'releasability', 'salt', 'payload', 'sig'],
  properties: {
    v: { type: 'integer' }, world: { type: 'string' }, seq: { type: 'integer' }, type: { type: 'string' },
    validTime: { type: 'string' }, recordTime: { type: 'string' }, actor: { type: 'string' }, actingFor: { type: 'string' },
    kid: { type: 'string' }, classification: { type: 'string' }, releasability: { type: 'array', items: { type: 'string' } },
    exercise: { type: 'boolean' }, salt: { type: 'string' }, source: { type: 'string' }, payload: {}, sig: { type: 'string' },
  },
} as const;

export const factSchema = {
  type: 'object', additionalProperties: false, required: ['kind', 'key', 'validFrom', 'data', 'seq', 'classification'],
  properties: {
    kind: { type: 'string' }, key: { type: 'string' }, validFrom: { type: 'string' }, validTo: { type: 'string' },
    data: {}, seq: { type: 'integer' }, classification: { type: 'string' },
  },
} as const;

export const looseObject = { type: 'object', additionalProperties: true } as const;
export const looseArray = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

export { date as dateSchema };
