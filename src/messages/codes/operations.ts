/** Violations of the rules on operations and missions (Council decisions, mandates, contributors). */
import type { Codes } from '../message.js';

export const OPERATION = {
  'operation.exists': {
    en: 'Operation {operation} was already {status} on {since}',
    fr: 'L’opération {operation} a déjà été enregistrée ({status}) le {since}',
  },
  'operation.unknown': {
    en: 'No operation {operation} has been planned or launched',
    fr: 'Aucune opération {operation} n’a été planifiée ni lancée',
  },
  'operation.definition_missing': {
    en: 'Operation {operation} is launched without a plan: {field} is required',
    fr: 'L’opération {operation} est lancée sans planification\u00a0: {field} est requis',
  },
  'operation.definition_with_plan': {
    en: 'Operation {operation} was planned on {plannedAt}; its launch cannot redefine {field}',
    fr: 'L’opération {operation} a été planifiée le {plannedAt}\u00a0; son lancement ne peut redéfinir {field}',
  },
  'operation.mandate_incomplete': {
    en: 'Mandate {basis} of operation {operation} needs {field}',
    fr: 'Le mandat {basis} de l’opération {operation} exige {field}',
  },
  'operation.mandate_detail_unused': {
    en: 'Operation {operation}: {field} is given but the mandate does not include {basis}',
    fr: 'Opération {operation}\u00a0: {field} est donné mais le mandat ne comprend pas {basis}',
  },
  'operation.mandate_none_exclusive': {
    en: 'Operation {operation}: a mandate of none cannot be combined with another basis',
    fr: 'Opération {operation}\u00a0: un mandat «\u00a0none\u00a0» ne peut être combiné avec un autre fondement',
  },
  'operation.resolution_invalid': {
    en: 'Operation {operation}: {value} is not a UN Security Council resolution number',
    fr: 'Opération {operation}\u00a0: {value} n’est pas un numéro de résolution du Conseil de sécurité des Nations unies',
  },
  'operation.determination_unknown': {
    en: 'Art. 5: operation {operation} rests on determination {determination}, which has not been made by {at}',
    fr: 'Art. 5\u00a0: l’opération {operation} repose sur la constatation {determination}, qui n’a pas été faite au {at}',
  },
  'operation.decided_after': {
    en: 'The Council decision of {decidedAt} cannot postdate the act it decided, on {at}',
    fr: 'La décision du Conseil du {decidedAt} ne peut être postérieure à l’acte qu’elle a décidé, le {at}',
  },
  'operation.launch_before_plan': {
    en: 'Operation {operation} cannot be launched on {at}, before it was planned on {plannedAt}',
    fr: 'L’opération {operation} ne peut être lancée le {at}, avant sa planification du {plannedAt}',
  },
  'operation.not_launched': {
    en: 'Operation {operation} has not been launched; it cannot end',
    fr: 'L’opération {operation} n’a pas été lancée\u00a0; elle ne peut prendre fin',
  },
  'operation.already_ended': {
    en: 'Operation {operation} already ended on {endedAt}',
    fr: 'L’opération {operation} a déjà pris fin le {endedAt}',
  },
  'operation.end_before_start': {
    en: 'Operation {operation} cannot end on {at}, before it began on {launchedAt}',
    fr: 'L’opération {operation} ne peut prendre fin le {at}, avant son début le {launchedAt}',
  },
  'operation.not_active': {
    en: 'Operation {operation} is not active on {at} ({status})',
    fr: 'L’opération {operation} n’est pas active le {at} ({status})',
  },
  'operation.already_contributing': {
    en: '{contributor} has contributed to operation {operation} since {from}',
    fr: '{contributor} contribue à l’opération {operation} depuis le {from}',
  },
  'operation.not_contributing': {
    en: '{contributor} does not contribute to operation {operation} on {at}',
    fr: '{contributor} ne contribue pas à l’opération {operation} le {at}',
  },
} satisfies Codes;
