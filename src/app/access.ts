/**
 * The one authorisation layer (BRIEF §4). Every read of the API, the web app, exports and
 * search asks `accessFor` what the reader may see, and the stores apply that filter inside their
 * queries; every act asks `mayActFor`. Administrators manage accounts but gain no read rights.
 */
import { CLASSIFICATIONS, classificationRank, type Classification } from '../ledger/classification.js';
import type { AccessFilter } from './ports.js';
import { isBody } from '../domain/states.js';
import { assertNever } from '../domain/decider.js';
import { seatToken } from '../domain/scenario/channels.js';

export const ROLES = ['delegation', 'staff', 'partner', 'director', 'admin', 'controller', 'player', 'evaluator', 'observer'] as const;
/**
 * Roles of a crisis-management exercise, in the field's vocabulary: exercise control (the
 * `director`, who also assigns seats, and `controller`s, who run the master scenario events list),
 * `player`s (who act only through the seats a director gives them in a scenario), and `evaluator`s
 * and `observer`s (who see everything in their scenarios and act on nothing).
 */
export const EXERCISE_ROLES = ['director', 'controller', 'player', 'evaluator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Entries from this level up have their reads by accounts recorded in the audit trail. */
export const AUDITED_FROM: Classification = 'NATO RESTRICTED';

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** Delegations: their Ally (ISO alpha-3); partners: their state. */
  readonly party?: string;
  /** Highest classification the person is cleared for (PUBLIC: no clearance). */
  readonly clearance: Classification;
  /** Scenario worlds the account takes part in: runs (director, controller), plays, evaluates or observes. */
  readonly worlds?: readonly string[];
  /** A player's seats, by scenario world: they read the channels those seats are party to. */
  readonly seats?: Readonly<Record<string, readonly string[]>>;
}

/** Someone reading: an account, or the public (undefined). The local CLI operator is `SYSTEM`. */
export type Reader = Account | undefined | SystemReader;

export interface SystemReader {
  readonly id: 'system';
  readonly role: 'system';
}

/** The operator of the local command line: holds the database file and the keys. */
export const SYSTEM: SystemReader = Object.freeze({ id: 'system', role: 'system' });

export const PUBLIC_ACCESS: AccessFilter = Object.freeze({ maxRank: 0, releasableTo: ['PUBLIC'] });
export const FULL_ACCESS: AccessFilter = Object.freeze({ maxRank: CLASSIFICATIONS.length - 1, releasableTo: ['*'] });
/** Reads nothing: a scenario seen from outside (it is a closed world). */
export const NO_ACCESS: AccessFilter = Object.freeze({ maxRank: -1, releasableTo: [] });
/** Releasable to exercise control only (a user-assigned ISO 3166 code no state holds). */
export const EXCON_RELEASABILITY = 'XEX';
/**
 * Evaluators' scores of exercise objectives: read by exercise control, evaluators and observers,
 * never by players (another user-assigned code no state holds).
 */
export const EVALUATION_RELEASABILITY = 'XEV';

export interface WorldRef {
  readonly name: string;
  readonly exercise: boolean;
}

/**
 * What a reader may read of a world. Exercise worlds (scenarios) are closed: only the people
 * taking part in one — the world is in their account's `worlds` — read anything in it (the local
 * operator excepted), exercise control's own material (XEX) is for exercise control only, and
 * clearance applies there as everywhere.
 */
export function accessFor(reader: Reader, world?: WorldRef): AccessFilter {
  return audited(reader, baseAccess(reader, world));
}

function baseAccess(reader: Reader, world?: WorldRef): AccessFilter {
  if (reader === undefined) return world?.exercise ? NO_ACCESS : PUBLIC_ACCESS;
  if (reader.role === 'system') return FULL_ACCESS;
  const rank = classificationRank(reader.clearance);
  if (world?.exercise) {
    if (!inScenario(reader, world)) return NO_ACCESS;
    switch (reader.role) {
      case 'director':
      case 'controller':
        return { maxRank: rank, releasableTo: ['*'] };
      case 'evaluator':
      case 'observer':
        return { maxRank: rank, releasableTo: ['*'], withheld: [EXCON_RELEASABILITY] };
      case 'player':
        // Players read their scenario as a delegation (or a partner) would, up to their clearance,
        // and the channels of the seats they hold in it (messages are releasable to their parties).
        return { maxRank: rank, releasableTo: ['PUBLIC', 'NATO', ...new Set([...(reader.party ? [reader.party] : []), ...(reader.seats?.[world.name] ?? []).map(seatToken)])] };
      case 'admin':
        // Administrators gain no read rights by managing accounts.
        return NO_ACCESS;
      case 'delegation':
      case 'staff':
      case 'partner':
        // Admitted to an exercise world (`user grant --worlds`): they read it as they read the
        // record, never exercise control's own material.
        return { ...baseAccess(reader), withheld: [EXCON_RELEASABILITY] };
      default:
        return assertNever(reader);
    }
  }
  switch (reader.role) {
    case 'admin':
      return PUBLIC_ACCESS;
    case 'delegation':
    case 'staff':
    case 'director':
    case 'controller':
      // NATO's own people: every releasability (information released to a partner or the EU is
      // still NATO information), up to their clearance. Exercise control outside its scenarios
      // reads as staff.
      return { maxRank: rank, releasableTo: ['*'] };
    case 'partner':
      return { maxRank: rank, releasableTo: ['PUBLIC', ...(reader.party ? [reader.party] : [])] };
    case 'evaluator':
    case 'observer':
    case 'player':
      // Outside their scenarios, only what is public.
      return PUBLIC_ACCESS;
    default:
      return assertNever(reader);
  }
}

/** Reads by an account of anything from AUDITED_FROM up are recorded (see src/app/audit.ts). */
function audited(reader: Reader, access: AccessFilter): AccessFilter {
  if (reader === undefined || reader.role === 'system') return access;
  if (access.maxRank < classificationRank(AUDITED_FROM)) return access;
  return { ...access, auditAs: reader.id };
}

/** True if the reader may know the world exists: a scenario only for those taking part in it. */
export function mayEnter(reader: Reader, world: WorldRef): boolean {
  if (!world.exercise) return true;
  if (reader === undefined) return false;
  if (reader.role === 'system') return true;
  return reader.role !== 'admin' && inScenario(reader, world);
}

/** True if the world is an exercise world (a scenario) the account takes part in. */
export function inScenario(reader: Account, world?: { name: string; exercise: boolean }): boolean {
  return Boolean(world?.exercise && reader.worlds?.includes(world.name));
}

export function canRead(access: AccessFilter, marking: { classification: Classification; releasability: readonly string[] }): boolean {
  return classificationRank(marking.classification) <= access.maxRank &&
    (access.releasableTo.includes('*') || marking.releasability.some((t) => access.releasableTo.includes(t))) &&
    !(access.withheld?.some((t) => marking.releasability.includes(t)) ?? false);
}

/**
 * Only an Ally's delegation acts for that Ally; International Staff act for the Council's chair
 * and bodies; a partner acts only for itself (e.g. associating with a statement).
 */
export function mayActFor(reader: Reader, by: string): boolean {
  if (reader === undefined) return false;
  if (reader.role === 'system') return true;
  switch (reader.role) {
    case 'delegation':
    case 'partner':
      return reader.party === by;
    case 'staff':
      return isBody(by);
    case 'director':
    case 'admin':
    case 'controller':
    case 'evaluator':
    case 'observer':
      return false;
    case 'player':
      // A player acts through a scenario seat (src/app/scenarios), never directly.
      return false;
    default:
      return false;
  }
}

