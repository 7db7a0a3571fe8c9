/**
 * The one authorisation layer (BRIEF §4). Every read of the API, the web app, exports and
 * search asks `accessFor` what the reader may see, and the stores apply that filter inside their
 * queries; every act asks `mayActFor`. Administrators manage accounts but gain no read rights.
 */
import { CLASSIFICATIONS, classificationRank, type Classification } from '../ledger/classification.js';
import type { AccessFilter } from './ports.js';
import { isBody } from '../domain/states.js';
import { assertNever } from '../domain/decider.js';

export const ROLES = ['delegation', 'staff', 'partner', 'director', 'admin', 'controller', 'player', 'evaluator', 'observer'] as const;
/**
 * Roles of a crisis-management exercise, in the field's vocabulary: exercise control (the
 * `director`, who also assigns seats, and `controller`s, who run the master scenario events list),
 * `player`s (who act only through the seats a director gives them in a scenario), and `evaluator`s
 * and `observer`s (who see everything in their scenarios and act on nothing).
 */
export const EXERCISE_ROLES = ['director', 'controller', 'player', 'evaluator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

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

export function accessFor(reader: Reader, world?: { name: string; exercise: boolean }): AccessFilter {
  if (reader === undefined) return PUBLIC_ACCESS;
  if (reader.role === 'system') return FULL_ACCESS;
  const rank = classificationRank(reader.clearance);
  switch (reader.role) {
    case 'admin':
      return PUBLIC_ACCESS;
    case 'delegation':
    case 'staff':
      // NATO's own people: every releasability (information released to a partner or the EU is
      // still NATO information), up to their clearance.
      return { maxRank: rank, releasableTo: ['*'] };
    case 'partner':
      return { maxRank: rank, releasableTo: ['PUBLIC', ...(reader.party ? [reader.party] : [])] };
    case 'director':
    case 'controller':
      // Exercise control sees everything in the scenarios it runs; elsewhere it reads as staff.
      if (inScenario(reader, world)) return FULL_ACCESS;
      return { maxRank: rank, releasableTo: ['*'] };
    case 'evaluator':
    case 'observer':
      // They see everything in their scenarios; elsewhere only what is public.
      return inScenario(reader, world) ? FULL_ACCESS : PUBLIC_ACCESS;
    case 'player':
      // In their scenarios, players read as a delegation (or a partner's) would; elsewhere as the public.
      if (!inScenario(reader, world)) return PUBLIC_ACCESS;
      return { maxRank: rank, releasableTo: ['PUBLIC', 'NATO', ...(reader.party ? [reader.party] : [])] };
    default:
      return assertNever(reader);
  }
}

/** True if the world is a scenario the account takes part in. */
export function inScenario(reader: Account, world?: { name: string; exercise: boolean }): boolean {
  return Boolean(world?.exercise && reader.worlds?.includes(world.name));
}

export function canRead(access: AccessFilter, marking: { classification: Classification; releasability: readonly string[] }): boolean {
  return classificationRank(marking.classification) <= access.maxRank &&
    (access.releasableTo.includes('*') || marking.releasability.some((t) => access.releasableTo.includes(t)));
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

/** Entries above this level have their reads recorded in the audit trail. */
export const AUDITED_FROM: Classification = 'NATO RESTRICTED';
