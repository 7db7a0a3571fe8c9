/**
 * Tagging activities with the human-security pillars they address and whether a gender analysis
 * was done. Guarantees: only an activity that exists on the date is tagged; a later tag supersedes
 * the earlier one, in date order; the tag carries the activity's core task.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isBefore } from '../time.js';
import type { CoreTask } from '../vocabulary.js';
import type { WorldState } from '../world-state.js';
import type { ActivityKind, HumanSecurityCommand, HumanSecurityEvent, HumanSecurityState } from './types.js';

export function initialHumanSecurityState(): HumanSecurityState {
  return { tags: {} };
}

export const tagKey = (activity: ActivityKind, id: string): string => `${activity}/${id}`;

/** The core task of an activity that exists at `at`, or undefined if there is none. */
export function activityCoreTask(world: WorldState, activity: ActivityKind, id: string, at: string): CoreTask | undefined {
  switch (activity) {
    case 'operation': {
      const op = world.operations.operations[id];
      if (!op) return undefined;
      const since = op.status === 'planned' ? op.plannedAt : op.plannedAt ?? op.launchedAt;
      return isBefore(at, since) ? undefined : op.definition.coreTask;
    }
    case 'exercise': {
      const x = world.exercises.exercises[id];
      return x && !isBefore(at, x.startDate) ? x.coreTask : undefined;
    }
    // DCB is part of cooperative security (seed).
    case 'dcb_package': {
      const p = world.fund.packages[id];
      return p && !isBefore(at, p.launchedAt) ? 'cooperative_security' : undefined;
    }
    case 'dcb_project': {
      const p = world.fund.projects[id];
      return p && !isBefore(at, p.firstAllocatedAt) ? 'cooperative_security' : undefined;
    }
    default:
      return assertNever(activity);
  }
}

export function decideHumanSecurity(world: WorldState, command: HumanSecurityCommand): Decision<HumanSecurityEvent> {
  switch (command.cmd) {
    case 'TagHumanSecurity': {
      const { activity, id, pillars, genderAnalysis } = command.data;
      const coreTask = activityCoreTask(world, activity, id, command.at);
      if (coreTask === undefined) return reject('human_security.activity_unknown', 'data.id', { activity, id, at: command.at });
      const last = world.humanSecurity.tags[tagKey(activity, id)]?.at(-1);
      if (last && isBefore(command.at, last.from)) return reject('human_security.before_previous', 'at', { activity, id, at: command.at, from: last.from });
      return accept(eventFrom(command, 'HumanSecurityTagged', {
        activity, id, coreTask, pillars: [...new Set(pillars)], ...(genderAnalysis === undefined ? {} : { genderAnalysis }),
      }));
    }
    default:
      return assertNever(command.cmd);
  }
}

export function evolveHumanSecurity(state: HumanSecurityState, event: HumanSecurityEvent): HumanSecurityState {
  switch (event.type) {
    case 'HumanSecurityTagged': {
      const { activity, id, coreTask, pillars, genderAnalysis } = event.data;
      const key = tagKey(activity, id);
      const previous = (state.tags[key] ?? []).map((t) => (t.status === 'current' ? { ...t, status: 'superseded' as const, until: event.at } : t));
      const tag = { status: 'current' as const, coreTask, pillars, ...(genderAnalysis === undefined ? {} : { genderAnalysis }), from: event.at };
      return { ...state, tags: { ...state.tags, [key]: [...previous, tag] } };
    }
    default:
      return assertNever(event.type);
  }
}
