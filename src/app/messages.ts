/** Codes of the application layer (worlds, ledger, import/export), in English and French. */
import { defineMessages } from '../domain/messages.js';

export const appMessages = defineMessages({
  'world.invalid_name': {
    en: 'World name "{name}" is invalid: use lower-case letters, digits and hyphens (at most 63).',
    fr: 'Le nom de monde « {name} » est invalide : lettres minuscules, chiffres et tirets (63 au plus).',
  },
  'world.exists': { en: 'A world named "{name}" already exists.', fr: 'Un monde nommé « {name} » existe déjà.' },
  'world.not_found': { en: 'No world named "{name}". Run `evere init` first.', fr: 'Aucun monde nommé « {name} ». Lancez d’abord `evere init`.' },
  'world.no_log_key': { en: 'World "{name}" has no log key.', fr: 'Le monde « {name} » n’a pas de clé de journal.' },
  'world.read_only': { en: 'World "{name}" is the historical record: it is written only by `evere init` from data/.', fr: 'Le monde « {name} » est le registre historique : seul `evere init` l’écrit, à partir de data/.' },
  'ledger.unknown_actor': { en: 'Principal "{actor}" is not registered in world "{world}".', fr: 'Le mandant « {actor} » n’est pas enregistré dans le monde « {world} ».' },
  'ledger.no_private_key': { en: 'No private key for "{actor}" in world "{world}" in the key store.', fr: 'Aucune clé privée pour « {actor} » dans le monde « {world} » dans le magasin de clés.' },
  'ledger.entry_invalid': { en: 'Entry is malformed: {problems}.', fr: 'Entrée mal formée : {problems}.' },
  'ledger.node_missing': { en: 'Tree node {node} of world "{world}" is missing from the store.', fr: 'Le nœud {node} de l’arbre du monde « {world} » manque dans le stockage.' },
  'ledger.seq_out_of_range': { en: 'Entry {seq} is not in the log (size {size}).', fr: 'L’entrée {seq} n’est pas dans le journal (taille {size}).' },
  'ledger.size_out_of_range': { en: 'Tree size {size} is not between 0 and {max}.', fr: 'La taille d’arbre {size} n’est pas comprise entre 0 et {max}.' },
  'ledger.no_checkpoint_at': { en: 'No checkpoint was made at tree size {size}.', fr: 'Aucun point de contrôle n’a été fait à la taille {size}.' },
  'ledger.verify_failed': { en: 'Verification failed: {count} problem(s); first: {first}.', fr: 'Échec de la vérification : {count} problème(s) ; premier : {first}.' },
  'proof.inclusion_mismatch': { en: 'The inclusion proof does not lead to the checkpoint root.', fr: 'La preuve d’inclusion ne mène pas à la racine du point de contrôle.' },
  'proof.consistency_mismatch': { en: 'The consistency proof does not link the two checkpoints.', fr: 'La preuve de cohérence ne relie pas les deux points de contrôle.' },
  'proof.bad_checkpoint': { en: 'The checkpoint does not verify with the log key: {reason}.', fr: 'Le point de contrôle ne se vérifie pas avec la clé du journal : {reason}.' },
  'proof.malformed': { en: 'The proof file is malformed: {reason}.', fr: 'Le fichier de preuve est mal formé : {reason}.' },
  'import.malformed_line': { en: '{file}:{line}: {reason}. Nothing was imported.', fr: '{file}:{line} : {reason}. Rien n’a été importé.' },
  'import.world_exists': { en: 'World "{name}" already exists in this database; import into a fresh one. Nothing was imported.', fr: 'Le monde « {name} » existe déjà dans cette base ; importez dans une base neuve. Rien n’a été importé.' },
  'load.rejected': { en: '{file}:{line}: {rule}. Nothing was loaded.', fr: '{file}:{line} : {rule}. Rien n’a été chargé.' },
  'load.malformed': { en: '{file}:{line}: {reason}. Nothing was loaded.', fr: '{file}:{line} : {reason}. Rien n’a été chargé.' },
  'query.no_protocol': { en: 'No accession protocol with id or invitee "{code}".', fr: 'Aucun protocole d’adhésion d’identifiant ou d’invité « {code} ».' },
  'query.unknown_state': { en: 'Unknown state code "{code}" (use ISO 3166-1 alpha-3, e.g. BEL, TUR).', fr: 'Code d’État inconnu « {code} » (utilisez l’ISO 3166-1 alpha-3, p. ex. BEL, TUR).' },
  'act.not_authorised': { en: '{actor} may not act for {by}: only an Ally’s delegation acts for that Ally.', fr: '{actor} ne peut agir pour {by} : seule la délégation d’un Allié agit pour cet Allié.' },
  'act.refused': { en: 'Refused: {rule}', fr: 'Refusé : {rule}' },
  'input.invalid': { en: 'Invalid {field}: {reason}.', fr: '{field} invalide : {reason}.' },
});
