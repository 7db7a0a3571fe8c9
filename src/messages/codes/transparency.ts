/** Tiles, witnesses and cosignatures (C2SP tlog-tiles, tlog-witness, tlog-cosignature), in English and French. */
import type { Codes } from '../message.js';

export const TRANSPARENCY = {
  'cli.tiles_exported': {
    en: 'Wrote the log of "{world}" at tree size {size} to {dir}: {tiles} tiles, {bundles} entry bundles{withheld, plural, =0 {} other {, # bundles left out (not every entry in them is public)}}.',
    fr: 'Journal de «\u00a0{world}\u00a0» à la taille {size} écrit dans {dir}\u00a0: {tiles} tuiles, {bundles} paquets d’entrées{withheld, plural, =0 {} other {, # paquets laissés de côté (toutes leurs entrées ne sont pas publiques)}}.',
  },
  'cli.witness_created': {
    en: 'Witness "{name}" made in {dir}. Its verifier key (give it to the logs it witnesses and to those who check cosignatures):\n{key}',
    fr: 'Témoin «\u00a0{name}\u00a0» créé dans {dir}. Sa clé de vérification (à donner aux journaux dont il est témoin et à ceux qui vérifient les cosignatures)\u00a0:\n{key}',
  },
  'cli.witness_trusts': { en: 'The witness now follows the log "{origin}".', fr: 'Le témoin suit désormais le journal «\u00a0{origin}\u00a0».' },
  'cli.witness_serving': { en: 'Witness listening at {url} (POST {url}/add-checkpoint). Key: {key}', fr: 'Témoin à l’écoute à l’adresse {url} (POST {url}/add-checkpoint). Clé\u00a0: {key}' },
  'cli.witness_cosigned': { en: 'Cosigned "{origin}" at tree size {size} (given back to the log: {delivered}).', fr: '«\u00a0{origin}\u00a0» cosigné à la taille {size} (rendu au journal\u00a0: {delivered}).' },
  'cli.witness_refused': { en: 'Did not cosign "{origin}" at tree size {size}: {reason}', fr: '«\u00a0{origin}\u00a0» non cosigné à la taille {size}\u00a0: {reason}' },
  'cli.witness_split_view': {
    en: 'SPLIT VIEW of the log "{origin}" ({reason}): both checkpoints, each signed by the log, follow.',
    fr: 'VUE SCINDÉE du journal «\u00a0{origin}\u00a0» ({reason})\u00a0: les deux points de contrôle, chacun signé par le journal, suivent.',
  },
  'cli.proof_cosigned': { en: 'Cosigned by {count} witness(es): {names}.', fr: 'Cosigné par {count} témoin(s)\u00a0: {names}.' },
  'cli.witness_no_split_views': { en: 'No split view found.', fr: 'Aucune vue scindée constatée.' },
  'cli.cosign_witness_added': { en: 'Witness "{name}" registered for "{world}".', fr: 'Témoin «\u00a0{name}\u00a0» enregistré pour «\u00a0{world}\u00a0».' },
  'cli.cosign_witness_removed': { en: 'Witness "{name}" removed from "{world}".', fr: 'Témoin «\u00a0{name}\u00a0» retiré de «\u00a0{world}\u00a0».' },
  'cli.cosign_no_witnesses': { en: 'No witness with a URL is registered for "{world}": `evere cosign --add-witness KEY --url URL`.', fr: 'Aucun témoin doté d’une URL n’est enregistré pour «\u00a0{world}\u00a0»\u00a0: `evere cosign --add-witness CLÉ --url URL`.' },
  'cli.cosign_ok': { en: '{name} cosigned the checkpoint at tree size {size}.', fr: '{name} a cosigné le point de contrôle à la taille {size}.' },
  'cli.cosign_refused': { en: '{name} did not cosign tree size {size} ({status}): {reason}', fr: '{name} n’a pas cosigné la taille {size} ({status})\u00a0: {reason}' },
  'witness.no_state': { en: 'No witness in {dir} ({reason}): make one with `evere witness init --name NAME --dir {dir}`.', fr: 'Aucun témoin dans {dir} ({reason})\u00a0: créez-en un avec `evere witness init --name NOM --dir {dir}`.' },
  'witness.exists': { en: '{dir} already holds a witness; its key is kept.', fr: '{dir} contient déjà un témoin\u00a0; sa clé est conservée.' },
  'witness.bad_key': { en: 'Not a usable key: {reason}.', fr: 'Clé inutilisable\u00a0: {reason}.' },
  'witness.not_found': { en: 'No witness "{name}" is registered for "{world}".', fr: 'Aucun témoin «\u00a0{name}\u00a0» n’est enregistré pour «\u00a0{world}\u00a0».' },
  'cosign.unknown_checkpoint': { en: 'This log signed no checkpoint with this text at tree size {size}.', fr: 'Ce journal n’a signé aucun point de contrôle portant ce texte à la taille {size}.' },
  'cosign.rejected': { en: 'No cosignature was kept: {reason}.', fr: 'Aucune cosignature retenue\u00a0: {reason}.' },
  'proof.too_few_cosignatures': {
    en: 'The checkpoint carries valid cosignatures from {found} of the witnesses given ({names}); at least {required} are required.',
    fr: 'Le point de contrôle porte des cosignatures valides de {found} des témoins indiqués ({names})\u00a0; il en faut au moins {required}.',
  },
} satisfies Codes;
