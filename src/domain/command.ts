/**
 * The command and event shapes shared by every procedure: a record line is a command
 * (docs/record-format.md) with its public `source` and an optional `note`.
 */
import type { Command, DomainEvent } from './decider.js';

/** A command as the record and the surfaces give it. */
export type RecordCommand<T extends string, D> = Command<T, D> & {
  /** Public URL stating the fact; required in the real record, optional in exercises. */
  readonly source?: string;
  /** Free-text note, for example which of two dates was chosen and why. */
  readonly note?: string;
};

/** An event of the world: `{ type, at, by, data }`, plain and readonly. */
export type WorldEventOf<T extends string, D> = DomainEvent<T, Readonly<D>>;

/** Localised text as the record carries it: English required, French optional. */
export interface Title {
  readonly en: string;
  readonly fr?: string;
}

/** Builds an event from the command that caused it: same valid time and actor. */
export function eventFrom<T extends string, D>(
  command: { readonly at: string; readonly by: string },
  type: T,
  data: D,
): WorldEventOf<T, D> {
  return { type, at: command.at, by: command.by, data };
}
