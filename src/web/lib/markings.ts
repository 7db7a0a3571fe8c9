/**
 * The highest classification of what the current page shows: every component that displays
 * records reports their markings; the layout draws the banners at top and bottom from the
 * maximum (CONVENTIONS §2.3: the overall level is the highest of the portions).
 */
import { useEffect, useId, useSyncExternalStore } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../ledger/classification.js';

const levels = new Map<string, number>();
const listeners = new Set<() => void>();
let highest = 0;

function recompute(): void {
  const next = Math.max(0, ...levels.values());
  if (next !== highest) {
    highest = next;
    listeners.forEach((l) => l());
  }
}

const rank = (c: string | undefined): number => Math.max(0, CLASSIFICATIONS.indexOf(c as Classification));

/** Reports the markings of the records a component shows (undefined while loading). */
export function useMarkings(items: readonly { readonly classification?: string }[] | undefined): void {
  const id = useId();
  const max = items ? Math.max(0, ...items.map((i) => rank(i.classification))) : 0;
  useEffect(() => {
    levels.set(id, max);
    recompute();
    return () => {
      levels.delete(id);
      recompute();
    };
  }, [id, max]);
}

export function useHighestClassification(): Classification {
  const r = useSyncExternalStore(
    (cb) => { listeners.add(cb); return () => listeners.delete(cb); },
    () => highest,
  );
  return CLASSIFICATIONS[r] ?? 'PUBLIC';
}
