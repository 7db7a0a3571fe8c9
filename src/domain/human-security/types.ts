/**
 * Human security and Women, Peace and Security: the record of which of the five human-security
 * pillars an activity (an operation, an exercise, a DCB package or project) addresses, and whether
 * a gender analysis was done for it (UNSCR 1325; NATO's principle of integration). What carries no
 * tag is a gap the report shows.
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { CoreTask, HumanSecurityPillar } from '../vocabulary.js';

export const ACTIVITY_KINDS = ['operation', 'exercise', 'dcb_package', 'dcb_project'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface HumanSecurityTag {
  readonly pillars: readonly HumanSecurityPillar[];
  /** true: a gender analysis was done; false: it was not; absent: not known. */
  readonly genderAnalysis?: boolean;
}

// ---- commands (docs/record-format.md, "Human security") ----

export type TagHumanSecurity = RecordCommand<
  'TagHumanSecurity',
  { readonly activity: ActivityKind; readonly id: string } & HumanSecurityTag
>;
export type HumanSecurityCommand = TagHumanSecurity;

// ---- events ----

/** `coreTask` is the core task of the activity tagged, carried so the report needs nothing else. */
export type HumanSecurityTagged = WorldEventOf<
  'HumanSecurityTagged',
  { activity: ActivityKind; id: string; coreTask: CoreTask } & HumanSecurityTag
>;
export type HumanSecurityEvent = HumanSecurityTagged;

// ---- state ----

export interface TagPeriod extends HumanSecurityTag {
  readonly status: 'current' | 'superseded';
  readonly coreTask: CoreTask;
  readonly from: string;
  readonly until?: string;
}

export interface HumanSecurityState {
  /** `ACTIVITY/ID` → its tags, oldest first; each later tag supersedes the one before. */
  readonly tags: Readonly<Record<string, readonly TagPeriod[]>>;
}
