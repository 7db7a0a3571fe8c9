/**
 * What `verify` (and the start-up index check) finds wrong with a stored log, in English and
 * French. A problem is kept as its code and parameters, so each reader gets it in its language;
 * the English text also travels in `--json` output as `problem`.
 */
import type { Codes } from '../message.js';

export const VERIFY = {
  'verify.entry_missing': { en: 'entry missing from the store', fr: 'entrée absente du stockage' },
  'verify.leaf_mismatch': { en: 'leaf hash does not match the entry bytes', fr: 'l’empreinte de feuille ne correspond pas aux octets de l’entrée' },
  'verify.record_time_backwards': { en: 'record time goes backwards', fr: 'le temps d’enregistrement recule' },
  'verify.nodes_mismatch': { en: 'stored tree nodes do not match the recomputed tree', fr: 'les nœuds de l’arbre stockés ne correspondent pas à l’arbre recalculé' },
  'verify.not_json': { en: 'entry bytes are not valid UTF-8 JSON', fr: 'les octets de l’entrée ne sont pas du JSON UTF-8 valide' },
  'verify.malformed': { en: 'malformed entry: {details}', fr: 'entrée mal formée\u00a0: {details}' },
  'verify.wrong_seq': { en: 'entry says seq {said}', fr: 'l’entrée indique le numéro {said}' },
  'verify.wrong_world': { en: 'entry says world {said}', fr: 'l’entrée indique le monde {said}' },
  'verify.unknown_key': { en: 'signed by unknown key {kid} ({actor})', fr: 'signée par une clé inconnue {kid} ({actor})' },
  'verify.not_canonical': { en: 'entry bytes are not in canonical form', fr: 'les octets de l’entrée ne sont pas sous forme canonique' },
  'verify.bad_signature': { en: 'signature does not verify', fr: 'la signature n’est pas valide' },
  'verify.checkpoint_beyond': { en: 'checkpoint is beyond the end of the log', fr: 'le point de contrôle est au-delà de la fin du journal' },
  'verify.checkpoint_root': { en: 'checkpoint root differs from the tree', fr: 'la racine du point de contrôle diffère de celle de l’arbre' },
  'verify.checkpoint_note': { en: 'signed note disagrees with the stored checkpoint', fr: 'la note signée contredit le point de contrôle stocké' },
  'verify.checkpoint_signature': { en: 'checkpoint signature: {reason}', fr: 'signature du point de contrôle\u00a0: {reason}' },
  'verify.columns_missing': { en: 'entry columns missing from the store', fr: 'colonnes de l’entrée absentes du stockage' },
  'verify.entry_column': { en: 'entry column {column} is {stored} in the store, {wanted} in the entry', fr: 'la colonne {column} de l’entrée vaut {stored} dans le stockage, {wanted} dans l’entrée' },
  'verify.index_missing': { en: 'index row {kind} {key} is missing from the store', fr: 'la ligne d’index {kind} {key} manque dans le stockage' },
  'verify.index_not_derived': { en: 'index row {kind} {key} in the store is not derived from this entry', fr: 'la ligne d’index {kind} {key} du stockage ne découle pas de cette entrée' },
  'verify.index_column': {
    en: 'index row {kind} {key}: {column} is {stored} in the store, {rebuilt} rebuilt from the log',
    fr: 'ligne d’index {kind} {key}\u00a0: {column} vaut {stored} dans le stockage, {rebuilt} reconstruit à partir du journal',
  },
  'verify.index_end': {
    en: 'index row {kind} {key}: {stored, select, current {current} other {superseded by entry {stored}}} in the store, {rebuilt, select, current {current} other {superseded by entry {rebuilt}}} rebuilt from the log',
    fr: 'ligne d’index {kind} {key}\u00a0: {stored, select, current {en vigueur} other {remplacée par l’entrée {stored}}} dans le stockage, {rebuilt, select, current {en vigueur} other {remplacée par l’entrée {rebuilt}}} d’après le journal reconstruit',
  },
} satisfies Codes;

export type VerifyCode = keyof typeof VERIFY;
