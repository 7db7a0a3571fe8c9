/**
 * Index changes for strategy events. A Strategic Concept holds until the next is adopted, a
 * Secretary General until the next takes office: adopting or appointing the next re-asserts the
 * previous one with its `validTo`. A summit holds from its opening to the day after its end.
 * Any other office's holder holds it until the next holder takes office (or until the recorded
 * end); a body's seat until it moves. A policy holds from its adoption (never ended by the record).
 */
import { assertNever } from '../decider.js';
import type { FactChange } from '../facts.js';
import { addDays, datePart } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { OfficeHolder, Seat, SecretaryGeneral, StrategicConcept, StrategyEvent } from './types.js';

function conceptFact(c: StrategicConcept, validTo: string | undefined): FactChange {
  const { adoptedAt, ...data } = c;
  return { op: 'assert', kind: 'strategic-concept', key: c.concept, validFrom: adoptedAt, ...(validTo ? { validTo } : {}), data: { ...data, adoptedAt } };
}

function sgFact(sg: SecretaryGeneral, validTo: string | undefined): FactChange {
  return { op: 'assert', kind: 'secretary-general', key: String(sg.ordinal), validFrom: sg.tookOffice, ...(validTo ? { validTo } : {}), data: sg };
}

function officeFact(h: OfficeHolder, next: string | undefined): FactChange {
  const ends = [next, h.until && addDays(h.until, 1)].filter((d): d is string => d !== undefined).sort();
  const validTo = ends[0];
  return { op: 'assert', kind: 'office-holder', key: `${h.office}/${h.n}`, validFrom: h.tookOffice, ...(validTo ? { validTo } : {}), data: h };
}

function seatFact(seat: Seat, validTo: string | undefined): FactChange {
  return { op: 'assert', kind: 'seat', key: `${seat.body}/${seat.n}`, validFrom: seat.from, ...(validTo ? { validTo } : {}), data: seat };
}

export function projectStrategy(after: WorldState, event: StrategyEvent): FactChange[] {
  const s = after.strategy;
  switch (event.type) {
    case 'StrategicConceptAdopted': {
      const current = s.concepts.at(-1);
      const previous = s.concepts.at(-2);
      return [previous && conceptFact(previous, event.at), current && conceptFact(current, undefined)].filter(
        (c): c is FactChange => c !== undefined,
      );
    }
    case 'SecretaryGeneralAppointed': {
      const current = s.secretariesGeneral.at(-1);
      const previous = s.secretariesGeneral.at(-2);
      return [previous && sgFact(previous, event.at), current && sgFact(current, undefined)].filter(
        (c): c is FactChange => c !== undefined,
      );
    }
    case 'SummitHeld': {
      const summit = s.summits[event.data.summit];
      if (!summit) return [];
      const validTo = addDays(summit.endDate ?? datePart(summit.at), 1);
      return [{ op: 'assert', kind: 'summit', key: summit.id, validFrom: summit.at, validTo, data: summit }];
    }
    case 'OfficeHolderAppointed': {
      const holders = s.offices[event.data.office] ?? [];
      const current = holders.at(-1);
      const previous = holders.at(-2);
      return [previous && officeFact(previous, event.at), current && officeFact(current, undefined)].filter((c): c is FactChange => c !== undefined);
    }
    case 'SeatMoved': {
      const seats = s.seats[event.data.body] ?? [];
      const current = seats.at(-1);
      const previous = seats.at(-2);
      return [previous && seatFact(previous, event.at), current && seatFact(current, undefined)].filter((c): c is FactChange => c !== undefined);
    }
    case 'PolicyAdopted': {
      const policy = s.policies[event.data.policy];
      return policy ? [{ op: 'assert', kind: 'policy', key: policy.policy, validFrom: policy.adoptedAt, data: policy }] : [];
    }
    default:
      return assertNever(event);
  }
}
