/** What the CLI says to people, in English and French. */
import { defineMessages } from '../domain/messages.js';

export const cliMessages = defineMessages({
  'cli.usage': { en: 'Usage error: {reason}', fr: 'Erreur d’utilisation : {reason}' },
  'cli.unexpected': { en: 'Unexpected error: {reason}', fr: 'Erreur inattendue : {reason}' },
  'cli.world_created': { en: 'Created world "{world}" in {store}.', fr: 'Monde « {world} » créé dans {store}.' },
  'cli.record_loaded': { en: 'Loaded {count} entries of the real record from {files} files.', fr: '{count} entrées du registre réel chargées depuis {files} fichiers.' },
  'cli.summary': { en: 'World "{world}": {size} entries, root {root}.', fr: 'Monde « {world} » : {size} entrées, racine {root}.' },
  'cli.latest_checkpoint': { en: 'Latest checkpoint (C2SP signed note):', fr: 'Dernier point de contrôle (note signée C2SP) :' },
  'cli.verifier_key': { en: 'Log verifier key: {key}', fr: 'Clé de vérification du journal : {key}' },
  'cli.verify_ok': { en: 'Verified {size} entries, {signatures} signatures and {checkpoints} checkpoints of "{world}": all intact. Root {root}.', fr: '{size} entrées, {signatures} signatures et {checkpoints} points de contrôle de « {world} » vérifiés : tout est intact. Racine {root}.' },
  'cli.verify_bad': { en: 'Verification of "{world}" FAILED: {count} problem(s).', fr: 'La vérification de « {world} » a ÉCHOUÉ : {count} problème(s).' },
  'cli.verify_entry': { en: 'entry {seq}: {problem}', fr: 'entrée {seq} : {problem}' },
  'cli.verify_checkpoint': { en: 'checkpoint at size {size}: {problem}', fr: 'point de contrôle à la taille {size} : {problem}' },
  'cli.proof_ok_inclusion': { en: 'Inclusion proof verified: entry {seq} is in the log of size {size} signed by {key}.', fr: 'Preuve d’inclusion vérifiée : l’entrée {seq} est dans le journal de taille {size} signé par {key}.' },
  'cli.proof_ok_consistency': { en: 'Consistency proof verified: the log of size {size2} extends the log of size {size1}.', fr: 'Preuve de cohérence vérifiée : le journal de taille {size2} prolonge celui de taille {size1}.' },
  'cli.exported': { en: 'Exported {count} entries of "{world}".', fr: '{count} entrées de « {world} » exportées.' },
  'cli.imported': { en: 'Imported {count} entries into "{world}". Root {root}.', fr: '{count} entrées importées dans « {world} ». Racine {root}.' },
  'cli.serving': { en: 'Evere is serving at {url} (API documentation: {docs}). Press Ctrl+C to stop.', fr: 'Evere est servi à l’adresse {url} (documentation de l’API : {docs}). Ctrl+C pour arrêter.' },
  'cli.account_created': { en: 'Created account "{username}" ({role}{party}, cleared to {clearance}).', fr: 'Compte « {username} » créé ({role}{party}, habilité {clearance}).' },
  'cli.account_granted': { en: 'Account "{username}" is now {role}{party}, cleared to {clearance}.', fr: 'Le compte « {username} » est désormais {role}{party}, habilité {clearance}.' },
  'cli.token_created': { en: 'API token for "{username}" (shown once; send it as "Authorization: Bearer …"):', fr: 'Jeton d’API pour « {username} » (affiché une seule fois ; envoyez-le comme « Authorization: Bearer … ») :' },
  'cli.no_entries': { en: 'No entries match.', fr: 'Aucune entrée ne correspond.' },
  'cli.already_initialised': { en: 'World "{world}" already exists in {store}; nothing to do.', fr: 'Le monde « {world} » existe déjà dans {store} ; rien à faire.' },
  'cli.sources_heading': { en: '{lines} lines of the record; {official}% cite NATO, a depositary, a government or a parliament.', fr: '{lines} lignes du registre ; {official} % citent l’OTAN, un dépositaire, un gouvernement ou un parlement.' },
  'cli.sources_denied': { en: '{count} line(s) cite a denied domain (blog, aggregator, press wire, encyclopedia or mirror):', fr: '{count} ligne(s) citent un domaine exclu (blog, agrégateur, fil de presse, encyclopédie ou miroir) :' },
});
