/**
 * A build step: describes the app shell for the server (web-dist/shell.json). For the home page,
 * what its first visit needs beyond the entry's own files — the home page's code (its chunk and
 * the chunks only it imports, as module preloads) and today's map shapes (a fetch preload) — and
 * which API answers the server may put in its HTML (./lib/home-reads.ts). The server
 * (src/api/web-shell.ts) adds these to the shell it sends for /en/ and /fr/, so a first visit
 * fetches everything at once instead of discovering the home page's needs only after running the
 * entry's code.
 */
import type { Plugin } from 'vite';
import type { ShellDescription } from '../api/web-shell.js';
import { BOOT_ELEMENT_ID, HOME_READS, WORLD_PLACEHOLDER } from './lib/home-reads.js';

interface Emitted {
  readonly type: 'chunk' | 'asset';
  readonly fileName: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
  readonly facadeModuleId?: string | null;
  readonly names?: readonly string[];
  readonly originalFileNames?: readonly string[];
}

export function shellDescription(base: string): Plugin {
  return {
    name: 'evere-shell-description',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle) as unknown as Emitted[];
      const byName = new Map(files.map((f) => [f.fileName, f]));
      const closure = (start: string): Set<string> => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          for (const next of byName.get(name)?.imports ?? []) visit(next);
        };
        visit(start);
        return seen;
      };
      const entry = files.find((f) => f.type === 'chunk' && f.isEntry);
      const home = files.find((f) => f.type === 'chunk' && f.facadeModuleId?.endsWith('/pages/home.tsx'));
      const mapToday = files.find((f) => f.type === 'asset' && [...(f.names ?? []), ...(f.originalFileNames ?? [])].some((n) => n.endsWith('map-today.json')));
      if (!entry || !home || !mapToday) {
        this.error(`shell description: missing ${!entry ? 'the entry chunk' : !home ? 'the home page chunk' : 'today’s map shapes'}`);
      }
      const loaded = closure(entry.fileName);
      const description: ShellDescription = {
        home: {
          modulePreloads: [...closure(home.fileName)].filter((name) => !loaded.has(name)).map((name) => base + name),
          fetchPreloads: [base + mapToday.fileName],
          reads: HOME_READS,
          worldPlaceholder: WORLD_PLACEHOLDER,
          bootElementId: BOOT_ELEMENT_ID,
        },
      };
      this.emitFile({ type: 'asset', fileName: 'shell.json', source: `${JSON.stringify(description, null, 2)}\n` });
    },
  };
}
