/** Tiles, witnesses and cosignatures (C2SP tlog-tiles, tlog-witness, tlog-cosignature), in English and French. */
import type { Codes } from '../message.js';

export const TRANSPARENCY = {
  'cli.tiles_exported': {
    en: 'Wrote the log of "{world}" at tree size {size} to {dir}: {tiles} tiles, {bundles} entry bundles{withheld, plural, =0 {} other {, # bundles left out (not every entry in them is public)}}.',
    fr: 'Journal de « {world} » à la taille {size} écrit dans {dir} : {tiles} tuiles, {bundles} paquets d’entrées{withheld, plural, =0 {} other {, # paquets laissés de côté (toutes leurs entrées ne sont pas publiques)}}.',
  },
} satisfies Codes;
