/**
 * The JSON Schema of a scenario file (YAML or JSON). Published as
 * data/scenarios/scenario.schema.json (a test keeps the two identical), so that organisers can
 * check a file in their editor before Evere reads it.
 */
import { INJECT_KINDS, PROPOSAL_STATES, STANCES } from '../../domain/scenario/types.js';
import { MEASURE_KINDS } from '../../domain/scenario/objectives.js';
import { CLASSIFICATIONS } from '../../ledger/classification.js';

const DURATION = '^((\\d+d)?\\s*(\\d+h)?\\s*(\\d+m)?\\s*(\\d+s)?|P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?)$';

const text = (description: string) => ({ type: 'string', minLength: 1, maxLength: 2000, description });
const duration = (description: string) => ({ type: 'string', minLength: 2, maxLength: 40, pattern: DURATION, description });
/** A duration, or a distribution of durations drawn per run. */
const durationDist = (description: string) => ({
  description: `${description} A duration, or a distribution drawn per run: { dist: uniform, min, max }, { dist: triangular, min, mode, max }, { dist: lognormal, median, p90, max? } or { dist: fixed, value }.`,
  if: { type: 'string' }, then: duration('A duration.'), else: { $ref: '#/definitions/durationDistribution' },
});
/** A probability, or a distribution of probabilities drawn per run. */
const probabilityDist = (description: string) => ({
  description: `${description} A probability (0–1), or a distribution of it drawn per run: { dist: uniform, min, max }, { dist: triangular, min, mode, max } or { dist: fixed, value }.`,
  if: { type: 'number' }, then: { type: 'number', minimum: 0, maximum: 1 }, else: { $ref: '#/definitions/probabilityDistribution' },
});
const distFields = (kinds: readonly string[]) => [
  { if: { properties: { dist: { const: 'fixed' } } }, then: { required: ['value'] } },
  { if: { properties: { dist: { const: 'uniform' } } }, then: { required: ['min', 'max'] } },
  { if: { properties: { dist: { const: 'triangular' } } }, then: { required: ['min', 'mode', 'max'] } },
  ...(kinds.includes('lognormal') ? [{ if: { properties: { dist: { const: 'lognormal' } } }, then: { required: ['median', 'p90'] } }] : []),
];
const idList = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, description });

export const SCENARIO_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://evere.local/schemas/scenario.schema.json',
  title: 'Evere scenario',
  description: 'A crisis-management exercise on a fork of the real Alliance: the fork date, the seats and their bot policies, the chair, and the master scenario events list (injects). Durations: 90m, 2h, 1d6h or ISO 8601 (PT2H). Inject times: T+2h from the start, or a UTC date-time.',
  type: 'object',
  additionalProperties: false,
  required: ['scenario', 'title', 'injects'],
  properties: {
    scenario: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'The scenario’s id: lower-case letters, digits and hyphens.' },
    title: { $ref: '#/definitions/title' },
    description: { $ref: '#/definitions/title' },
    asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Fork the real record as it stood at the end of this day (the command line’s --as-of overrides it).' },
    start: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z$', description: 'Scenario time of T+0 (UTC); default: 08:00Z the day after asOf.' },
    duration: duration('How long the scenario runs in scenario time (default 72h).'),
    clock: {
      type: 'object', additionalProperties: false,
      properties: { speed: { type: 'number', exclusiveMinimum: 0, maximum: 1000000, description: 'Scenario seconds per real second: 1 real time, 60 one minute is one hour (default).' } },
    },
    seed: { type: 'string', minLength: 1, maxLength: 100, description: 'Seed of the bots’ random draws (default: the scenario id).' },
    partners: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/state' }, description: 'Partner and invitee states that have a seat.' },
    policies: {
      type: 'object', description: 'Named bot policies, for seats to refer to.',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]{0,40}$' },
      additionalProperties: { $ref: '#/definitions/policy' },
    },
    seats: {
      type: 'object', description: 'Bot policy of each seat (a policy name or a policy); "default" for every seat not listed. A seat held by a person ignores its policy.',
      propertyNames: { pattern: '^(default|[A-Z]{3})$' },
      additionalProperties: { if: { type: 'string' }, then: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,40}$' }, else: { $ref: '#/definitions/policy' } },
    },
    chair: {
      type: 'object', additionalProperties: false, description: 'How International Staff chair the Council when played by a bot.',
      properties: {
        delay: duration('Reaction time of the chair (at least 1m).'),
        meetingAfter: duration('A proposal for a meeting is taken for adoption this long after it was circulated.'),
        silenceFor: duration('Deadline of a silence procedure re-issued after a revision.'),
        onBreak: { enum: ['revise', 'stop'], description: 'After a silence break: revise and re-issue, or stop.' },
        acceptFootnotes: { type: 'boolean', description: 'Revise a text once every objector has attached a footnote to it.' },
        maxRevisions: { type: 'integer', minimum: 0, maximum: 20 },
        holdConsultationsAfter: duration('The Council holds requested Article 4 consultations this long after the request.'),
      },
    },
    control: {
      type: 'object', additionalProperties: false, description: 'What exercise control plays for parties without a seat.',
      properties: {
        depositaryDelay: duration('The depositary records entry into force this long after the last ratification.'),
        inviteeDelay: duration('An invitee deposits its instrument this long after entry into force.'),
      },
    },
    injects: { type: 'array', maxItems: 500, items: { $ref: '#/definitions/inject' }, description: 'The master scenario events list.' },
    channels: {
      type: 'object', additionalProperties: false, description: 'The channels between seats the scenario opens (default: all); exercise control always writes to players.',
      properties: {
        bilateral: { type: 'boolean', description: 'Seats write to one or more other seats.' },
        chair: { type: 'boolean', description: 'Seats write to the chair (International Staff).' },
        everyone: { type: 'boolean', description: 'Seats write to every seat (ALL).' },
      },
    },
    objectives: { type: 'array', maxItems: 50, items: { $ref: '#/definitions/objective' }, description: 'Exercise objectives: measured by the system where it can (times, participation), scored by evaluators.' },
  },
  definitions: {
    objective: {
      type: 'object', additionalProperties: false, required: ['id', 'title'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
        title: { $ref: '#/definitions/title' },
        description: { $ref: '#/definitions/title' },
        measure: {
          type: 'object', additionalProperties: false, required: ['kind'],
          description: 'What the system measures: consensus (proposals or tagged adopted within a time of their tabling, or from: request of the Article 4 request), consultations (held within a time of the request), no-isolated-objector (no Ally alone against a text without a footnote), participation (at least min of the seats people hold act).',
          properties: {
            kind: { enum: [...MEASURE_KINDS] },
            within: duration('Consensus or consultations within this long.'),
            proposals: idList('Only these proposals.'),
            tagged: idList('Only proposals with any of these tags.'),
            from: { enum: ['tabled', 'request'], description: 'Consensus timed from the tabling (default) or from the first request for Article 4 consultations.' },
            min: { type: 'number', minimum: 0, maximum: 1, description: 'Participation: the share of seats held by people that act (default 1).' },
          },
        },
      },
    },
    title: {
      type: 'object', additionalProperties: false, required: ['en'],
      properties: { en: text('English'), fr: text('French') },
    },
    state: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' },
    attachment: {
      type: 'object', additionalProperties: false, required: ['title', 'url'],
      properties: {
        title: { $ref: '#/definitions/title' },
        url: { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'An http(s) address of the document.' },
      },
    },
    injectCondition: {
      type: 'object', additionalProperties: false, minProperties: 1,
      description: 'A branching inject is delivered only if every listed test holds, as the world stands when it is considered.',
      properties: {
        adopted: idList('These proposals have been adopted.'),
        notAdopted: idList('None of these proposals has been adopted.'),
        tabled: idList('These proposals have been tabled.'),
        notTabled: idList('None of these proposals has been tabled.'),
        silenceBroken: idList('Silence was broken on each of these proposals.'),
        status: {
          type: 'object', description: 'Proposal → the states it may be in.',
          propertyNames: { minLength: 1, maxLength: 64 },
          additionalProperties: { type: 'array', minItems: 1, items: { enum: [...PROPOSAL_STATES] } },
        },
        consultationsRequested: idList('These Article 4 consultations have been requested.'),
        consultationsHeld: idList('These consultations have been held.'),
        consultationsNotHeld: idList('None of these consultations has been held.'),
        inForce: idList('These accession protocols have entered into force.'),
        notInForce: idList('None of these accession protocols has entered into force.'),
        delivered: idList('These injects have been delivered.'),
        notDelivered: idList('None of these injects has been delivered.'),
        any: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/definitions/injectCondition' }, description: 'At least one of these holds.' },
      },
    },
    stance: { enum: [...STANCES] },
    durationDistribution: {
      type: 'object', additionalProperties: false, required: ['dist'],
      properties: {
        dist: { enum: ['fixed', 'uniform', 'triangular', 'lognormal'] },
        value: duration('fixed: the value.'),
        min: duration('uniform, triangular: the least value.'),
        mode: duration('triangular: the most likely value.'),
        max: duration('uniform, triangular: the greatest value; lognormal: a cap (optional).'),
        median: duration('lognormal: the median.'),
        p90: duration('lognormal: the 90th percentile.'),
      },
      allOf: distFields(['lognormal']),
    },
    probabilityDistribution: {
      type: 'object', additionalProperties: false, required: ['dist'],
      properties: {
        dist: { enum: ['fixed', 'uniform', 'triangular'] },
        value: { type: 'number', minimum: 0, maximum: 1 },
        min: { type: 'number', minimum: 0, maximum: 1 },
        mode: { type: 'number', minimum: 0, maximum: 1 },
        max: { type: 'number', minimum: 0, maximum: 1 },
      },
      allOf: distFields([]),
    },
    negotiation: {
      type: 'object', additionalProperties: false, required: ['paragraph', 'wording'],
      description: 'A paragraph the delegation negotiates on the proposals that match: the wording it proposes and the red lines any wording must respect.',
      properties: {
        if: { $ref: '#/definitions/proposalCondition' },
        paragraph: { type: 'integer', minimum: 1, maximum: 500, description: 'The paragraph (1-based).' },
        wording: text('The wording it proposes for the paragraph (it must respect the red lines).'),
        redLines: {
          type: 'object', additionalProperties: false,
          properties: {
            requires: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 }, description: 'Phrases the paragraph must contain.' },
            excludes: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 }, description: 'Phrases the paragraph must not contain.' },
          },
        },
        reason: text('Reason given when it contests the paragraph.'),
      },
    },
    policy: {
      type: 'object', additionalProperties: false,
      properties: {
        extends: { type: 'string', description: 'A named policy this one starts from.' },
        default: { $ref: '#/definitions/stance' },
        delay: durationDist('Reaction time to a new text.'),
        jitter: duration('Up to this much more, drawn at random per run.'),
        breakSilence: probabilityDist('Propensity to contest (break silence, or object at a meeting) a text whose negotiated paragraph crosses its red lines (default 1).'),
        accept: probabilityDist('Readiness to accept an amendment that respects its red lines rather than insist on its own wording (default 1).'),
        negotiate: { type: 'array', maxItems: 50, items: { $ref: '#/definitions/negotiation' }, description: 'Paragraphs it negotiates; the first that matches a proposal applies.' },
        reason: text('Reason given with an objection or a silence break.'),
        footnote: text('Text of a national footnote.'),
        rules: { type: 'array', maxItems: 50, items: { $ref: '#/definitions/rule' } },
        ratify: {
          description: 'Ratify pending accession protocols: one rule, or a list whose first rule covering a protocol applies.',
          if: { type: 'array' }, then: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/ratify' } }, else: { $ref: '#/definitions/ratify' },
        },
        associate: { type: 'boolean', description: 'A partner associates itself with adopted statements it was invited to.' },
        deposit: { type: 'boolean', description: 'An invitee deposits its instrument of accession once the protocol is in force.' },
      },
    },
    ratify: {
      type: 'object', additionalProperties: false,
      properties: {
        protocols: idList('Only these protocols.'),
        after: duration('Parliamentary approval this long after the start (or the last of afterInjects).'),
        jitter: duration('Up to this much more, drawn per run.'),
        depositAfter: duration('Deposit of the instrument this long after approval (default 1d).'),
        afterInjects: idList('Only once these injects have been delivered.'),
        probability: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    proposalCondition: {
      type: 'object', additionalProperties: false,
      properties: {
        tagged: idList('The proposal carries any of these tags.'),
        proposals: idList('The proposal is one of these.'),
        procedure: { enum: ['meeting', 'silence'] },
        afterInjects: idList('All of these injects have been delivered.'),
        beforeInjects: idList('None of these injects has been delivered yet.'),
        maxRevision: { type: 'integer', minimum: 0, description: 'The text is at most at this revision (0 as tabled).' },
      },
    },
    rule: {
      type: 'object', additionalProperties: false, required: ['then'],
      properties: {
        if: { $ref: '#/definitions/proposalCondition' },
        then: { $ref: '#/definitions/stance' },
        reason: text('Reason given.'),
        footnote: text('Footnote text.'),
        probability: { type: 'number', minimum: 0, maximum: 1, description: 'Chance that the rule holds in a run.' },
        delay: durationDist('Reaction time under this rule.'),
        jitter: duration('Random extra reaction time under this rule.'),
      },
    },
    inject: {
      type: 'object', additionalProperties: false, required: ['id', 'at', 'kind', 'title'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
        at: { type: 'string', minLength: 2, maxLength: 40, description: 'T+2h (from the start), a bare duration, or a UTC date-time.' },
        kind: { enum: [...INJECT_KINDS] },
        title: { $ref: '#/definitions/title' },
        text: { $ref: '#/definitions/title' },
        attachments: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/attachment' }, description: 'Links to the documents that come with the inject.' },
        tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 } },
        to: { type: 'array', items: { type: 'string', pattern: '^([A-Z]{3}|IS)$' }, description: 'Seats it is addressed to (default: all).' },
        classification: { enum: [...CLASSIFICATIONS] },
        releasability: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^(PUBLIC|NATO|EU|[A-Z]{3})$' } },
        resolution: { type: 'string', minLength: 1, maxLength: 100, description: 'UN Security Council resolution symbol.' },
        outlet: { type: 'string', minLength: 1, maxLength: 200, description: 'Media outlet.' },
        if: { $ref: '#/definitions/injectCondition' },
        until: { type: 'string', minLength: 2, maxLength: 40, description: 'A branching inject waits until this scenario time for its condition to hold (delivered the moment it does); without until it is considered once, at its time, and withheld if the condition does not hold.' },
        command: {
          type: 'object', additionalProperties: false, required: ['cmd', 'by'],
          description: 'A command of the rules engine given when the inject is delivered (docs/record-format.md); in data, "+24h" is relative to the delivery and "T+30h" to the start. If the acting seat is held by a person, the inject is delivered to them as a prompt instead.',
          properties: {
            cmd: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]{1,63}$' },
            by: { type: 'string', pattern: '^[A-Z]{2,10}$' },
            data: { type: 'object' },
          },
        },
      },
    },
  },
} as const;
