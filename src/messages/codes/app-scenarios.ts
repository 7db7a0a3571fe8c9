/** Codes of the scenario use cases (files, seats, clock, acting, branches), in English and French. */
import type { Codes } from '../message.js';

export const SCENARIO_USE = {
  'scenario.file_unreadable': { en: 'Cannot read scenario file {file}: {reason}', fr: 'Impossible de lire le fichier de scénario {file}\u00a0: {reason}' },
  'scenario.file_syntax': { en: '{file}, line {line}, column {column}: {reason}. Nothing was created.', fr: '{file}, ligne {line}, colonne {column}\u00a0: {reason}. Rien n’a été créé.' },
  'scenario.file_invalid': { en: 'Scenario file {file} is invalid ({count} problem(s)): {problems}. Nothing was created.', fr: 'Le fichier de scénario {file} est invalide ({count} problème(s))\u00a0: {problems}. Rien n’a été créé.' },
  'scenario.problem': { en: 'line {line}, column {column}, {field}: {reason}', fr: 'ligne {line}, colonne {column}, {field}\u00a0: {reason}' },
  'scenario.as_of_missing': { en: 'Give the fork date: --as-of DATE, or asOf in the scenario file', fr: 'Indiquez la date de bifurcation\u00a0: --as-of DATE, ou asOf dans le fichier de scénario' },
  'scenario.not_found': { en: 'No scenario named "{name}" (see `evere scenario list`)', fr: 'Aucun scénario nommé «\u00a0{name}\u00a0» (voir `evere scenario list`)' },
  'scenario.seat_invalid': { en: 'Scenario "{name}" has no seat {seat} (seats: the Allies at the start, IS, and its partners)', fr: 'Le scénario «\u00a0{name}\u00a0» n’a pas de siège {seat} (sièges\u00a0: les Alliés au début, IS et ses partenaires)' },
  'scenario.seat_is_bot': { en: 'Seat {seat} of scenario "{name}" is played by a bot: assign it to a person first', fr: 'Le siège {seat} du scénario «\u00a0{name}\u00a0» est joué par un robot\u00a0: attribuez-le d’abord à une personne' },
  'scenario.not_seated': { en: '{user} holds no seat acting for {by} in scenario "{name}"', fr: '{user} n’occupe aucun siège agissant pour {by} dans le scénario «\u00a0{name}\u00a0»' },
  'scenario.not_control': { en: '{user} is not exercise control of scenario "{name}"', fr: '{user} ne fait pas partie de la direction de l’exercice «\u00a0{name}\u00a0»' },
  'scenario.not_director': { en: 'Only the director of scenario "{name}" (or an administrator creating one) may do this; {user} may not', fr: 'Seul le directeur du scénario «\u00a0{name}\u00a0» (ou un administrateur qui en crée un) le peut\u00a0; {user} ne le peut pas' },
  'scenario.clearance_low': {
    en: 'Account {username} is cleared {clearance}; seat {seat} needs {needed} (its acts and the injects addressed to it): `evere user grant {username} --clearance "{needed}"`',
    fr: 'Le compte {username} est habilité {clearance}\u00a0; le siège {seat} demande {needed} (ses actes et les injections qui lui sont adressées)\u00a0: `evere user grant {username} --clearance "{needed}"`',
  },
  'scenario.user_role': { en: 'Account {username} has role {role}; a seat needs a player (role player)', fr: 'Le compte {username} a le rôle {role}\u00a0; un siège demande un joueur (rôle player)' },
  'scenario.inject_not_found': { en: 'Scenario "{name}" has no inject {inject}', fr: 'Le scénario «\u00a0{name}\u00a0» n’a pas d’inject {inject}' },
  'scenario.inject_invalid': { en: 'The inject is invalid ({count} problem(s)): {problems}. Nothing was delivered.', fr: 'L’inject est invalide ({count} problème(s))\u00a0: {problems}. Rien n’a été transmis.' },
  'scenario.inject_addressee': { en: 'Inject {inject} is addressed to {seat}, which is not a seat of scenario "{name}" (seats: the Allies at the start, IS, and its partners)', fr: 'L’inject {inject} est adressé à {seat}, qui n’est pas un siège du scénario «\u00a0{name}\u00a0» (sièges\u00a0: les Alliés au début, IS et ses partenaires)' },
  'scenario.inject_above_clearance': { en: '{user} is cleared {clearance} and may not deliver an inject marked {classification}', fr: '{user} est habilité {clearance} et ne peut pas transmettre un inject marqué {classification}' },
  'scenario.inject_delivered': { en: 'Inject {inject} was already delivered at {at}', fr: 'L’inject {inject} a déjà été transmis le {at}' },
  'scenario.ended': { en: 'Scenario "{name}" has reached its end ({end})', fr: 'Le scénario «\u00a0{name}\u00a0» est arrivé à son terme ({end})' },
  'scenario.branch_seq': { en: 'A branch point must be an entry of the scenario, between {min} and {max}; {seq} is not', fr: 'Un point de bifurcation doit être une entrée du scénario, entre {min} et {max}\u00a0; {seq} ne l’est pas' },
  'scenario.branch_change': { en: 'A what-if changes one seat’s policy (--seat with --policy) or one inject (--inject with --set or --drop)', fr: 'Une variante change la politique d’un siège (--seat avec --policy) ou un inject (--inject avec --set ou --drop)' },
  'scenario.policy_invalid': { en: 'The policy for seat {seat} is invalid: {problems}', fr: 'La politique du siège {seat} est invalide\u00a0: {problems}' },
  'scenario.runs': { en: 'The number of runs must be between 1 and {max}', fr: 'Le nombre d’exécutions doit être compris entre 1 et {max}' },
} satisfies Codes;
