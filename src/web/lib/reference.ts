/** Reference data every page shares: the states table and the list of worlds. */
import { useMemo } from 'react';
import type { StateInfo } from '../../domain/states.js';
import type { WorldInfo } from '../../app/ports.js';
import { useApi } from './data.js';

export function useStates(): ReadonlyMap<string, StateInfo> | undefined {
  const { data } = useApi<StateInfo[]>('/api/states');
  return useMemo(() => (data ? new Map(data.map((s) => [s.iso3, s])) : undefined), [data]);
}

export type WorldSummary = WorldInfo & { readonly size: number };

export function useWorlds(): readonly WorldSummary[] | undefined {
  return useApi<WorldSummary[]>('/api/worlds').data;
}

export function useWorld(name: string): WorldSummary | undefined {
  return useWorlds()?.find((w) => w.name === name);
}
