/**
 * The record as open data: a Frictionless tabular data package (datapackage.json with a Table
 * Schema per table, one CSV per topic) taken from a world's indexes at one signed checkpoint.
 *
 * Guarantees:
 * - Every row names the log entry it comes from (`entry_seq`: the entry that asserted the row's
 *   current version), that entry's public source URL and the source's class, so each row can be
 *   checked against the log (inclusion proof) and against its source.
 * - The package is taken at a checkpoint: its facts are those the log held at that tree size, and
 *   datapackage.json carries the tree size, the root and the signed note, so a paper can cite
 *   "Evere record, tree size N, root R" and anyone can check later releases only added to it.
 * - Reads go through the caller's access filter: what the caller may not read is absent from every
 *   table (rows and sources alike).
 */
import { stringify } from 'csv-stringify/sync';
import { OFFICES } from '../domain/strategy/types.js';
import { endsAtOwnBound } from './offices.js';
import type { LedgerService, Progress } from './ledger-service.js';
import type { AccessFilter, FactRow } from './ports.js';
import { EvereError } from './errors.js';
import { fromUtf8, toBase64, toHex } from '../ledger/bytes.js';
import type { Entry } from '../ledger/entry.js';
import { ORGANISATIONS, ORGANISATION_NAMES, partnerNames } from '../domain/states.js';
import { SOURCE_CLASSES, type SourceClass } from './record-sources.js';
import type { RecordLine } from './record-loader.js';
import { daysBetween } from './time.js';
import { RATIFICATION_STAGES } from '../domain/membership/types.js';
import { MANDATE_BASES } from '../domain/operations/types.js';

export type FieldType = 'string' | 'integer' | 'date' | 'boolean';

/** A Table Schema field (https://specs.frictionlessdata.io/table-schema/). */
export interface DatasetField {
  readonly name: string;
  readonly type: FieldType;
  readonly title: string;
  readonly description: string;
  readonly format?: 'uri';
  readonly constraints?: {
    readonly required?: boolean;
    readonly unique?: boolean;
    readonly enum?: readonly string[];
    readonly pattern?: string;
    readonly minimum?: number;
  };
}

export type Cell = string | number | boolean | undefined;
type Row = Readonly<Record<string, Cell>>;

export interface DatasetTable {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly DatasetField[];
  readonly primaryKey: readonly string[];
  readonly rows: readonly Row[];
}

export interface DatasetCheckpoint {
  readonly world: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly rootHex: string;
  readonly note: string;
  readonly verifierKey: string;
  readonly createdAt: string;
  readonly citation: string;
}

export interface Dataset {
  readonly descriptor: Record<string, unknown>;
  readonly tables: readonly DatasetTable[];
  readonly checkpoint: DatasetCheckpoint;
}

/** Resolves a source URL to its class; the record's own lines say which class each URL is. */
export type SourceClassOf = (url: string) => SourceClass | undefined;

/**
 * The source class of each URL cited by the record's lines. A URL cited under two classes is bad
 * input (the record must say one thing about a publisher): refused naming both lines.
 */
export function sourceClassIndex(lines: readonly RecordLine[]): SourceClassOf {
  const byUrl = new Map<string, { sourceClass: SourceClass; file: string; line: number }>();
  for (const l of lines) {
    const url = l.value.source as string;
    const sourceClass = l.value.sourceClass as SourceClass;
    const seen = byUrl.get(url);
    if (seen && seen.sourceClass !== sourceClass) {
      throw new EvereError('dataset.source_class_conflict', {
        source: url, file: l.file, line: l.line, sourceClass, otherFile: seen.file, otherLine: seen.line, otherClass: seen.sourceClass,
      });
    }
    if (!seen) byUrl.set(url, { sourceClass, file: l.file, line: l.line });
  }
  return (url) => byUrl.get(url)?.sourceClass;
}

// ---- fields ----

const ISO3 = '^[A-Z]{3}$';
/** A partner: a state's alpha-3 code or a partner organisation's code (domain/states.ts ORGANISATIONS). */
const PARTNER = `^(?:[A-Z]{3}|${ORGANISATIONS.join('|')})$`;
const LIST = 'Several values are separated by ";".';

const f = (name: string, type: FieldType, title: string, description: string, constraints?: DatasetField['constraints'], format?: 'uri'): DatasetField => ({
  name, type, title, description, ...(format ? { format } : {}), ...(constraints ? { constraints } : {}),
});
const required = { required: true } as const;
const stateField = (name: string, title: string, description: string, isRequired = true) =>
  f(name, 'string', title, `${description} ISO 3166-1 alpha-3 code.`, { ...(isRequired ? required : {}), pattern: ISO3 });
const names = (prefix: string, of: string): DatasetField[] => [
  f(`${prefix}name_en`, 'string', `${of} (English)`, `${of}: its name in NATO usage, in English.`),
  f(`${prefix}name_fr`, 'string', `${of} (French)`, `${of}: its name in NATO usage, in French.`),
];
const date = (name: string, title: string, description: string, isRequired = false) =>
  f(name, 'date', title, description, isRequired ? required : undefined);

/** The three fields every table ends with: where the row comes from. */
const PROVENANCE: readonly DatasetField[] = [
  f('entry_seq', 'integer', 'Log entry', 'Sequence number of the log entry this row comes from: the entry that asserted the row’s current version (earlier changes to it are earlier entries of the log), or, for a period that ends where the next begins (arms-control statuses, offices), the entry that opened it. Check it with `evere prove SEQ` or /api/worlds/{world}/proofs/inclusion/{seq}.', { required: true, minimum: 0 }),
  f('source_url', 'string', 'Source', 'The public source that entry cites for the fact. Every entry of the record cites one; it is empty only for an act given in a writable world (an exercise), which cites none.', undefined, 'uri'),
  f('source_class', 'string', 'Source class', 'What kind of publisher the source is, from the most to the least authoritative: nato (official NATO), depositary, government, parliament, international_organisation, scholarly, news, reference. Empty when source_url is.', { enum: SOURCE_CLASSES }),
];

// ---- helpers ----

const day = (instant: string | undefined): string | undefined => instant?.slice(0, 10);
const list = (values: readonly string[] | undefined): string | undefined => (values && values.length > 0 ? values.join(';') : undefined);
const nameEn = (code: string) => partnerNames(code)?.en ?? code;
const nameFr = (code: string) => partnerNames(code)?.fr ?? code;
const stateNames = (prefix: string, iso3: string): Row => ({ [`${prefix}name_en`]: nameEn(iso3), [`${prefix}name_fr`]: nameFr(iso3) });
const data = <T>(row: FactRow): T => row.data as T;

interface Provenance {
  /** Provenance columns of the entry `seq`, or undefined when the reader may not read that entry. */
  of(seq: number): Row | undefined;
  /** Readable entries of these types, in log order. */
  entries(types: readonly string[]): readonly { seq: number; entry: Entry }[];
}

interface TableSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kinds: readonly string[];
  readonly fields: readonly DatasetField[];
  readonly primaryKey: readonly string[];
  /** Rows with their entry; provenance is added by the builder. */
  rows(facts: (kind: string) => readonly FactRow[], p: Provenance): { seq: number; row: Row }[];
}

const TABLES: readonly TableSpec[] = [
  {
    name: 'allies', title: 'Allies', kinds: ['membership'],
    description: 'Every period of membership of the North Atlantic Treaty: from the day a state became a Party (the Treaty’s entry into force, or the deposit of its instrument of accession) to the day a denunciation took effect, if any.',
    fields: [
      stateField('state', 'State', 'The Ally.'), ...names('', 'The Ally'),
      date('member_from', 'Member from', 'The day it became a Party.', true),
      date('member_until', 'Member until', 'The day its denunciation took effect (Article 13); empty while it is a Party.'),
      f('via', 'string', 'How', 'founding: a Party when the Treaty entered into force on 24 August 1949; accession: by an accession protocol (Article 10).', { required: true, enum: ['founding', 'accession'] }),
      f('protocol', 'string', 'Accession protocol', 'The protocol it acceded under (see enlargement-rounds).'),
      date('denounced_at', 'Denounced', 'The day its notice of denunciation was given.'),
    ],
    primaryKey: ['state', 'member_from'],
    rows: (facts) => facts('membership').map((r) => {
      const d = data<{ state: string; via: string; protocol?: string; denouncedAt?: string }>(r);
      return {
        seq: r.seq,
        row: { state: d.state, ...stateNames('', d.state), member_from: day(r.validFrom), member_until: day(r.validTo), via: d.via, protocol: d.protocol, denounced_at: day(d.denouncedAt) },
      };
    }),
  },
  {
    name: 'ratifications', title: 'Ratifications of accession protocols, by stage', kinds: ['ratification'],
    description: 'Each Ally’s ratification of each accession protocol, one row per stage: parliament approved, instrument signed, instrument deposited with the depositary (the Government of the United States).',
    fields: [
      f('protocol', 'string', 'Protocol', 'The accession protocol (see enlargement-rounds).', required),
      stateField('ally', 'Ally', 'The ratifying Ally.'), ...names('ally_', 'The ratifying Ally'),
      f('stage', 'string', 'Stage', 'parliament_approved, instrument_signed or instrument_deposited.', { required: true, enum: RATIFICATION_STAGES }),
      date('date', 'Date', 'The day of the stage, or its latest possible day when date_is is on_or_before.', true),
      f('date_is', 'string', 'Date precision', 'exact, or on_or_before when a source only bounds the date (e.g. every Ally had deposited when the protocol entered into force).', { required: true, enum: ['exact', 'on_or_before'] }),
      f('required', 'boolean', 'Required', 'Whether this Ally’s ratification was needed for the protocol to enter into force.', required),
      f('votes_for', 'integer', 'Votes for', 'Parliamentary vote, when recorded.', { minimum: 0 }),
      f('votes_against', 'integer', 'Votes against', 'Parliamentary vote, when recorded.', { minimum: 0 }),
      f('votes_abstain', 'integer', 'Abstentions', 'Parliamentary vote, when recorded.', { minimum: 0 }),
    ],
    primaryKey: ['protocol', 'ally', 'stage'],
    rows: (facts) => facts('ratification').map((r) => {
      const d = data<{ protocol: string; ally: string; stage: string; required: boolean; dateIs?: string; vote?: { for: number; against: number; abstain: number } }>(r);
      return {
        seq: r.seq,
        row: {
          protocol: d.protocol, ally: d.ally, ...stateNames('ally_', d.ally), stage: d.stage, date: day(r.validFrom), date_is: d.dateIs ?? 'exact', required: d.required,
          votes_for: d.vote?.for, votes_against: d.vote?.against, votes_abstain: d.vote?.abstain,
        },
      };
    }),
  },
  {
    name: 'enlargement-rounds', title: 'Enlargement rounds', kinds: ['protocol', 'invitation', 'membership'],
    description: 'Each accession protocol: who was invited, when it was signed and entered into force, when the invitees became Allies, and how long it took.',
    fields: [
      f('protocol', 'string', 'Protocol', 'The accession protocol.', { required: true, unique: true }),
      f('invitees', 'string', 'Invitees', `The states invited to accede (ISO 3166-1 alpha-3). ${LIST}`, required),
      date('invited_at', 'Invited', 'The latest invitation of an invitee on or before the signature.'),
      date('signed_at', 'Signed', 'The day the protocol was signed.', true),
      date('entered_into_force_at', 'In force', 'The day the protocol entered into force; empty while pending.'),
      date('member_since', 'Members since', 'The day the last invitee became a Party; empty while pending.'),
      f('ratifiers', 'integer', 'Ratifiers', 'How many Allies had to ratify.', { required: true, minimum: 0 }),
      f('days_from_invitation', 'integer', 'Days from invitation', 'Days from invited_at to member_since.', { minimum: 0 }),
      f('days_from_signature', 'integer', 'Days from signature', 'Days from signed_at to member_since.', { minimum: 0 }),
    ],
    primaryKey: ['protocol'],
    rows: (facts) => facts('protocol').map((r) => {
      const p = data<{ protocol: string; invitees: string[]; requiredRatifiers: string[]; signedAt: string; enteredIntoForceAt?: string }>(r);
      const invited = facts('invitation')
        .filter((i) => p.invitees.includes(data<{ state: string }>(i).state) && day(i.validFrom)! <= p.signedAt)
        .map((i) => day(i.validFrom)!).sort().at(-1);
      const joined = facts('membership').filter((m) => data<{ protocol?: string }>(m).protocol === p.protocol).map((m) => day(m.validFrom)!).sort().at(-1);
      return {
        seq: r.seq,
        row: {
          protocol: p.protocol, invitees: list(p.invitees), invited_at: invited, signed_at: p.signedAt, entered_into_force_at: p.enteredIntoForceAt,
          member_since: joined, ratifiers: p.requiredRatifiers.length,
          days_from_invitation: joined && invited ? daysBetween(invited, joined) : undefined,
          days_from_signature: joined ? daysBetween(p.signedAt, joined) : undefined,
        },
      };
    }),
  },
  {
    name: 'consultations', title: 'Consultations under Article 4', kinds: ['consultation'],
    description: 'Requests for consultations under Article 4 of the North Atlantic Treaty (an Ally’s territorial integrity, political independence or security threatened), and whether the Council held them.',
    fields: [
      f('consultation', 'string', 'Consultation', 'Identifier.', { required: true, unique: true }),
      f('requesters', 'string', 'Requested by', `The Allies that requested them (ISO 3166-1 alpha-3). ${LIST}`, required),
      date('requested_at', 'Requested', 'The day they were requested.', true),
      f('reason', 'string', 'Reason', 'The threat the requesters named.', required),
      f('status', 'string', 'Status', 'requested or held.', { required: true, enum: ['requested', 'held'] }),
      date('held_at', 'Held', 'The day the Council held them.'),
    ],
    primaryKey: ['consultation'],
    rows: (facts) => facts('consultation').map((r) => {
      const d = data<{ consultation: string; requesters: string[]; reason: string; status: string; heldAt?: string }>(r);
      return { seq: r.seq, row: { consultation: d.consultation, requesters: list(d.requesters), requested_at: day(r.validFrom), reason: d.reason, status: d.status, held_at: day(d.heldAt) } };
    }),
  },
  {
    name: 'article5-measures', title: 'Article 5: determinations and the measures reported under them', kinds: ['article5'],
    description: 'Each determination that an armed attack is covered by Article 5, and each measure reported under it (Article 5: measures "shall immediately be reported to the Security Council"). One row per measure; a determination with no measure recorded has one row with an empty measure.',
    fields: [
      f('determination', 'string', 'Determination', 'Identifier of the determination.', required),
      f('victims', 'string', 'Attacked', `The Allies attacked (ISO 3166-1 alpha-3). ${LIST}`, required),
      date('attack_date', 'Attack', 'The day of the armed attack.', true),
      date('determined_at', 'Determined', 'The day the Council determined the attack was covered by Article 5.', true),
      f('description', 'string', 'Description', 'What the Council determined.', required),
      f('measure_number', 'integer', 'Measure number', 'The measure’s order among those reported under the determination (1, 2, …); 0 on the row of a determination with no measure recorded.', { required: true, minimum: 0 }),
      date('measure_at', 'Measure reported', 'The day the measure was reported.'),
      f('measure_by', 'string', 'Measure by', 'Who reported it (NAC: the North Atlantic Council).'),
      f('measure', 'string', 'Measure', 'The measure.'),
    ],
    primaryKey: ['determination', 'measure_number'],
    rows: (facts, p) => {
      const reported = p.entries(['Article5MeasureReported']);
      return facts('article5').flatMap((r) => {
        const d = data<{ determination: string; victims: string[]; attackDate: string; description: string; measures: { by: string; at: string; measure: string }[] }>(r);
        const base = { determination: d.determination, victims: list(d.victims), attack_date: d.attackDate, determined_at: day(r.validFrom), description: d.description };
        const determinedBy = p.entries(['ArmedAttackDetermined']).find((e) => (e.entry.payload as { determination?: string }).determination === d.determination);
        if (d.measures.length === 0) return [{ seq: determinedBy?.seq ?? r.seq, row: { ...base, measure_number: 0 } }];
        return d.measures.map((m, i) => {
          // The entry that reported this measure, so the row carries that measure's own source.
          const entry = reported.find((e) => {
            const x = e.entry.payload as { determination?: string; measure?: string };
            return x.determination === d.determination && x.measure === m.measure;
          });
          return { seq: entry?.seq ?? r.seq, row: { ...base, measure_number: i + 1, measure_at: day(m.at), measure_by: m.by, measure: m.measure } };
        });
      });
    },
  },
  {
    name: 'operations', title: 'Operations and missions, with their mandates', kinds: ['operation'],
    description: 'NATO-led operations and missions: their core task, area, the basis of their mandate (UN Security Council resolutions, a host’s or an organisation’s request, Article 5), and the Council decisions that launched and ended them.',
    fields: [
      f('operation', 'string', 'Operation', 'Identifier.', { required: true, unique: true }),
      f('name_en', 'string', 'Name (English)', 'Its name in English.', required),
      f('name_fr', 'string', 'Name (French)', 'Its name in French, when recorded.'),
      f('kind', 'string', 'Kind', 'operation or mission.', { required: true, enum: ['operation', 'mission'] }),
      f('core_task', 'string', 'Core task', 'The Alliance core task it serves.', required),
      f('area', 'string', 'Area', 'Where.', required),
      f('mandate', 'string', 'Mandate basis', `${MANDATE_BASES.join(', ')}. ${LIST}`, required),
      f('resolutions', 'string', 'UNSC resolutions', `UN Security Council resolutions (numbers). ${LIST}`),
      f('requested_by', 'string', 'Requested by', `States that requested it (ISO 3166-1 alpha-3). ${LIST}`),
      f('requesting_organisation', 'string', 'Requesting organisation', 'The organisation that requested it.'),
      f('determination', 'string', 'Article 5 determination', 'The determination it answers (see article5-measures).'),
      f('status', 'string', 'Status', 'planned, active or ended, at the checkpoint.', { required: true, enum: ['planned', 'active', 'ended'] }),
      date('planned_at', 'Planned', 'The day its planning was decided.'),
      date('launched_at', 'Launched', 'The day it was launched.'),
      date('launch_decided_at', 'Launch decided', 'The day the Council decided to launch it.'),
      f('launch_decision', 'string', 'Launch decision', 'The Council’s launch decision.'),
      date('ended_at', 'Ended', 'The day it ended, or a day by which it had ended when ended_at_is is on_or_before.'),
      f('ended_at_is', 'string', 'End precision', 'exact, or on_or_before when no source gives the day it ended; empty while it is not ended.', { enum: ['exact', 'on_or_before'] }),
      date('end_decided_at', 'End decided', 'The day the Council decided to end it.'),
      f('end_decision', 'string', 'End decision', 'The Council’s decision to end it.'),
      f('successor', 'string', 'Successor', 'The operation or mission that took over.'),
    ],
    primaryKey: ['operation'],
    rows: (facts) => facts('operation').map((r) => {
      const d = data<{
        operation: string; name: { en: string; fr?: string }; kind: string; coreTask: string; area: string; mandate: string[]; resolutions?: string[];
        requestedBy?: string[]; requestingOrganisation?: string; determination?: string; status: string; plannedAt?: string; launchedAt?: string;
        launchDecidedAt?: string; launchDecision?: string; endedAt?: string; endedIs?: string; endDecidedAt?: string; endDecision?: string; successor?: string;
      }>(r);
      return {
        seq: r.seq,
        row: {
          operation: d.operation, name_en: d.name.en, name_fr: d.name.fr, kind: d.kind, core_task: d.coreTask, area: d.area, mandate: list(d.mandate),
          resolutions: list(d.resolutions), requested_by: list(d.requestedBy), requesting_organisation: d.requestingOrganisation, determination: d.determination,
          status: d.status, planned_at: day(d.plannedAt), launched_at: day(d.launchedAt), launch_decided_at: day(d.launchDecidedAt), launch_decision: d.launchDecision,
          ended_at: day(d.endedAt), ended_at_is: d.endedAt === undefined ? undefined : d.endedIs ?? 'exact', end_decided_at: day(d.endDecidedAt), end_decision: d.endDecision, successor: d.successor,
        },
      };
    }),
  },
  {
    name: 'partners', title: 'Partners by framework', kinds: ['partnership', 'framework'],
    description: 'Each period of a partner’s participation in a partnership framework (Partnership for Peace, Mediterranean Dialogue, Istanbul Cooperation Initiative, partners across the globe). Suspensions are in partner-suspensions.',
    fields: [
      f('framework', 'string', 'Framework', 'Identifier of the framework.', required),
      f('framework_name_en', 'string', 'Framework (English)', 'Its name in English.'),
      f('framework_name_fr', 'string', 'Framework (French)', 'Its name in French.'),
      stateField('partner', 'Partner', 'The partner.'), ...names('partner_', 'The partner'),
      date('from', 'From', 'The day it joined, or a day by which it had joined when from_is is on_or_before.', true),
      f('from_is', 'string', 'Start precision', 'exact, or on_or_before when no source gives the day (e.g. only the month).', { required: true, enum: ['exact', 'on_or_before'] }),
      date('until', 'Until', 'The day it left (for example on becoming an Ally); empty while it takes part.'),
      f('until_is', 'string', 'End precision', 'exact, or on_or_before when no source gives the day it left; empty while it takes part.', { enum: ['exact', 'on_or_before'] }),
    ],
    primaryKey: ['framework', 'partner', 'from'],
    rows: (facts) => {
      const frameworks = new Map(facts('framework').map((r) => [data<{ framework: string }>(r).framework, data<{ name: { en: string; fr: string } }>(r).name]));
      return facts('partnership').map((r) => {
        const d = data<{ framework: string; partner: string; from: string; fromIs?: string; until?: string; untilIs?: string }>(r);
        const fw = frameworks.get(d.framework);
        return {
          seq: r.seq,
          row: { framework: d.framework, framework_name_en: fw?.en, framework_name_fr: fw?.fr, partner: d.partner, ...stateNames('partner_', d.partner), from: day(d.from), from_is: d.fromIs ?? 'exact', until: day(d.until), until_is: d.until === undefined ? undefined : d.untilIs ?? 'exact' },
        };
      });
    },
  },
  {
    name: 'partner-suspensions', title: 'Suspensions of partners', kinds: ['partnership-suspension'],
    description: 'Periods during which a partner’s cooperation within a framework was suspended, with the reason given.',
    fields: [
      f('framework', 'string', 'Framework', 'Identifier of the framework (see partners).', required),
      stateField('partner', 'Partner', 'The partner.'), ...names('partner_', 'The partner'),
      date('from', 'From', 'The day the suspension began.', true),
      date('until', 'Until', 'The day cooperation resumed; empty while suspended.'),
      f('reason', 'string', 'Reason', 'The reason given.'),
    ],
    primaryKey: ['framework', 'partner', 'from'],
    rows: (facts) => facts('partnership-suspension').map((r) => {
      const d = data<{ framework: string; partner: string; from: string; until?: string; reason?: string }>(r);
      return { seq: r.seq, row: { framework: d.framework, partner: d.partner, ...stateNames('partner_', d.partner), from: day(d.from), until: day(d.until), reason: d.reason } };
    }),
  },
  {
    name: 'dcb-packages', title: 'Defence Capacity Building packages', kinds: ['dcb-package'],
    description: 'Packages of the Defence and Related Security Capacity Building (DCB) Initiative: the partner, the areas of support and when the Council launched them.',
    fields: [
      f('package', 'string', 'Package', 'Identifier.', { required: true, unique: true }),
      f('partner', 'string', 'Partner', `The partner supported: a state's ISO 3166-1 alpha-3 code, or ${ORGANISATIONS.map((o) => `${o} (${ORGANISATION_NAMES[o].en})`).join(', ')}.`, { ...required, pattern: PARTNER }),
      ...names('partner_', 'The partner'),
      f('title', 'string', 'Title', 'The package’s title.'),
      f('areas', 'string', 'Areas', `Areas of support; empty when no source consulted lists them. ${LIST}`),
      date('launched_at', 'Launched', 'The day it was launched.', true),
    ],
    primaryKey: ['package'],
    rows: (facts) => facts('dcb-package').map((r) => {
      const d = data<{ package: string; partner: string; title?: string; areas: string[]; launchedAt: string }>(r);
      return { seq: r.seq, row: { package: d.package, partner: d.partner, ...stateNames('partner_', d.partner), title: d.title, areas: list(d.areas), launched_at: day(d.launchedAt) } };
    }),
  },
  {
    name: 'arms-control-statuses', title: 'Arms-control statuses', kinds: ['arms-control-status', 'arms-control-instrument'],
    description: 'Each state’s status in each arms-control instrument over time (signed, ratified, suspended, withdrawn, …), one row per period.',
    fields: [
      f('instrument', 'string', 'Instrument', 'Identifier of the instrument.', required),
      f('instrument_name', 'string', 'Instrument name', 'Its name.'),
      stateField('state', 'State', 'The state.'), ...names('', 'The state'),
      f('status', 'string', 'Status', 'Its status in the instrument during the period.', required),
      date('from', 'From', 'The day the status began, or a day by which it held when from_is is on_or_before.', true),
      f('from_is', 'string', 'Start precision', 'exact, or on_or_before when a source only shows the state holding the status on that day, not when it began.', { required: true, enum: ['exact', 'on_or_before'] }),
      date('until', 'Until', 'The day the next status began; empty while it holds.'),
    ],
    primaryKey: ['instrument', 'state', 'from'],
    rows: (facts, p) => {
      const instruments = new Map(facts('arms-control-instrument').map((r) => [data<{ instrument: string }>(r).instrument, data<{ name: string }>(r).name]));
      const recorded = p.entries(['ArmsControlStatusRecorded']);
      return facts('arms-control-status').map((r) => {
        const d = data<{ instrument: string; state: string; status: string; from: string; fromIs?: string; until?: string }>(r);
        // A period is stated by the entry that recorded its status (its end is the next period's start).
        const opened = recorded.find((e) => {
          const x = e.entry.payload as { instrument?: string; state?: string; status?: string };
          return x.instrument === d.instrument && x.state === d.state && x.status === d.status && day(e.entry.validTime) === day(d.from);
        });
        return { seq: opened?.seq ?? r.seq, row: { instrument: d.instrument, instrument_name: instruments.get(d.instrument), state: d.state, ...stateNames('', d.state), status: d.status, from: day(d.from), from_is: d.fromIs ?? 'exact', until: day(d.until) } };
      });
    },
  },
  {
    name: 'offices', title: 'Offices: Secretaries General, Deputies, acting Secretaries General, Supreme Allied Commanders', kinds: ['secretary-general', 'office-holder'],
    description: 'Holders of the Alliance’s offices recorded: the Secretaries General and the holders of other offices (Deputy, acting Secretary General, SACEUR, SACLANT, SACT, Special Representative for Women, Peace and Security), each until the next took office (or left it).',
    fields: [
      f('office', 'string', 'Office', 'The office.', { required: true, enum: ['secretary_general', ...OFFICES] }),
      f('ordinal', 'integer', 'Ordinal', 'Which holder of the office (1st, 2nd, …); for offices other than the Secretary General’s, the rank among the holders recorded.', { required: true, minimum: 1 }),
      f('name', 'string', 'Name', 'The holder’s name.', required),
      stateField('nationality', 'Nationality', 'The holder’s nationality.'),
      date('took_office', 'Took office', 'The day the holder took office, or the earliest day a source shows them in post when took_office_is is on_or_before.', true),
      f('took_office_is', 'string', 'Start precision', 'exact, or on_or_before when no source gives the day the holder took office.', { required: true, enum: ['exact', 'on_or_before'] }),
      date('left_office', 'Left office', 'The day the next holder took office (or the day after the holder left); empty for the holder at the checkpoint.'),
      f('left_office_is', 'string', 'End precision', 'exact; on_or_after when left_office is the day after the last day a source shows the holder in post; on_or_before when it is the next holder’s start, itself known only as on_or_before. Empty when left_office is.', { enum: ['exact', 'on_or_after', 'on_or_before'] }),
    ],
    primaryKey: ['office', 'ordinal'],
    rows: (facts, p) => [
      ...facts('secretary-general').map((r) => {
        const d = data<{ name: string; nationality: string; ordinal: number; tookOffice: string }>(r);
        // A term is stated by the holder's appointment (its end is the next holder's taking office).
        const appointed = p.entries(['SecretaryGeneralAppointed']).find((e) => (e.entry.payload as { ordinal?: number }).ordinal === d.ordinal);
        return { seq: appointed?.seq ?? r.seq, row: { office: 'secretary_general', ordinal: d.ordinal, name: d.name, nationality: d.nationality, took_office: day(d.tookOffice), took_office_is: 'exact', left_office: day(r.validTo), left_office_is: r.validTo ? 'exact' : undefined } };
      }),
      ...facts('office-holder').map((r, _i, all) => {
        const d = data<{ office: string; n: number; name: string; nationality: string; tookOffice: string; dateIs?: string }>(r);
        const appointed = p.entries(['OfficeHolderAppointed']).find((e) => {
          const x = e.entry.payload as { office?: string; name?: string };
          return x.office === d.office && x.name === d.name && day(e.entry.validTime) === day(d.tookOffice);
        });
        return { seq: appointed?.seq ?? r.seq, row: { office: d.office, ordinal: d.n, name: d.name, nationality: d.nationality, took_office: day(d.tookOffice), took_office_is: d.dateIs ?? 'exact', left_office: day(r.validTo), left_office_is: r.validTo ? (endsAtOwnBound(r) ? 'on_or_after' : endsAtBoundedStart(all, d.office, day(r.validTo)) ? 'on_or_before' : 'exact') : undefined } };
      }),
    ],
  },
  {
    name: 'summits', title: 'Summits', kinds: ['summit'],
    description: 'Meetings of the North Atlantic Council at the level of Heads of State and Government.',
    fields: [
      f('summit', 'string', 'Summit', 'Identifier.', { required: true, unique: true }),
      f('place', 'string', 'Place', 'Where it was held.', required),
      date('start_date', 'Opened', 'The day it opened.', true),
      date('end_date', 'Closed', 'The day it closed, when it lasted more than a day.'),
      f('declaration', 'string', 'Declaration', 'The declaration or communiqué it issued, when recorded.'),
    ],
    primaryKey: ['summit'],
    rows: (facts) => facts('summit').map((r) => {
      const d = data<{ id: string; place: string; at: string; endDate?: string; declaration?: string }>(r);
      return { seq: r.seq, row: { summit: d.id, place: d.place, start_date: day(d.at), end_date: day(d.endDate), declaration: d.declaration } };
    }),
  },
];

export const DATASET_TABLES: readonly string[] = TABLES.map((t) => t.name);

/** The CSV of a table: RFC 4180, a header row, `\r\n` line ends; an absent value is an empty cell. */
export function tableCsv(table: DatasetTable): string {
  const header = table.fields.map((x) => x.name);
  const records = table.rows.map((row) => header.map((name) => {
    const v = row[name];
    return v === undefined ? '' : String(v);
  }));
  return stringify([header, ...records], { record_delimiter: '\r\n' });
}

/**
 * Builds the data package of `world` as `access` may read it, at a checkpoint of the current tree
 * (signed now if the tree grew since the last one).
 */
export async function buildDataset(
  ledger: LedgerService,
  world: string,
  options: { access: AccessFilter; sourceClassOf: SourceClassOf; progress?: Progress },
): Promise<Dataset> {
  const info = await ledger.requireWorld(world);
  const cp = await ledger.checkpoint(world);
  const { logKey } = await ledger.publicKeys(world);
  const total = TABLES.length + 1;
  let done = 0;
  const step = () => options.progress?.(++done, total);

  // Only the entries the reader may read, up to the checkpoint: their sources are the rows' sources.
  const stored = (await ledger.store.findEntries(world, { access: options.access })).filter((r) => r.seq < cp.size);
  const entries = new Map(stored.map((r) => [r.seq, JSON.parse(fromUtf8(r.bytes)) as Entry]));
  step();
  const provenance: Provenance = {
    of(seq) {
      const entry = entries.get(seq);
      if (!entry) return undefined;
      const url = entry.source;
      return { entry_seq: seq, source_url: url, source_class: url === undefined ? undefined : options.sourceClassOf(url) };
    },
    entries(types) {
      return [...entries].filter(([, e]) => types.includes(e.type)).map(([seq, entry]) => ({ seq, entry }));
    },
  };

  const cache = new Map<string, FactRow[]>();
  const kinds = [...new Set(TABLES.flatMap((t) => t.kinds))];
  await Promise.all(kinds.map(async (kind) => {
    cache.set(kind, await ledger.store.facts(world, { kind, access: options.access, knownAtSize: cp.size }));
  }));
  const facts = (kind: string) => cache.get(kind) ?? [];

  const tables: DatasetTable[] = TABLES.map((spec) => {
    const rows = spec.rows(facts, provenance)
      .map(({ seq, row }) => {
        const from = provenance.of(seq);
        // A row whose entry the reader may not read is not shown: its source would be hidden.
        return from ? { ...row, ...from } : undefined;
      })
      .filter((r): r is Row => r !== undefined)
      .sort((a, b) => compareKeys(a, b, spec.primaryKey));
    step();
    return {
      name: spec.name, path: `data/${spec.name}.csv`, title: spec.title, description: spec.description,
      fields: [...spec.fields, ...PROVENANCE], primaryKey: spec.primaryKey, rows,
    };
  });

  const rootHex = toHex(cp.root);
  const checkpoint: DatasetCheckpoint = {
    world, origin: info.origin, treeSize: cp.size, rootHash: toBase64(cp.root), rootHex, note: cp.note, verifierKey: logKey, createdAt: cp.createdAt,
    citation: `${world === 'record' ? 'Evere record' : `Evere world "${world}"`}, tree size ${cp.size}, root ${rootHex}`,
  };
  const descriptor = {
    profile: 'tabular-data-package',
    name: `evere-${world.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`,
    title: `Evere: the North Atlantic Alliance record (${world})`,
    description: 'Day-level, sourced data on the North Atlantic Alliance, taken from a tamper-evident log at one signed checkpoint. Every row names its log entry, its public source and the class of that source.',
    // When the checkpoint was signed: the same package for the same checkpoint, whenever it is asked.
    created: cp.createdAt,
    keywords: ['NATO', 'North Atlantic Treaty', 'alliances', 'enlargement', 'ratification'],
    evere: checkpoint,
    resources: tables.map((t) => ({
      name: t.name, path: t.path, profile: 'tabular-data-resource', title: t.title, description: t.description,
      format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: { fields: t.fields, primaryKey: t.primaryKey, missingValues: [''] },
    })),
  };
  return { descriptor, tables, checkpoint };
}

/** Whether a holder of `office` recorded only "on or before" took office on `date` (the previous term then ends by that day). */
function endsAtBoundedStart(holders: readonly FactRow[], office: string, date: string | undefined): boolean {
  return date !== undefined && holders.some((h) => {
    const x = h.data as { office?: string; tookOffice?: string; dateIs?: string };
    return x.office === office && x.dateIs === 'on_or_before' && day(x.tookOffice) === date;
  });
}

function compareKeys(a: Row, b: Row, keys: readonly string[]): number {
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
