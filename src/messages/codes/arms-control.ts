/** Violations of the rules of the arms-control register. */
import type { Codes } from '../message.js';

export const ARMS_CONTROL = {
  'arms_control.instrument_exists': {
    en: 'Instrument {instrument} is already in the register, from {openedAt}',
    fr: 'L’instrument {instrument} figure déjà au registre, depuis le {openedAt}',
  },
  'arms_control.instrument_unknown': {
    en: 'Instrument {instrument} is not in the register on {at}',
    fr: 'L’instrument {instrument} ne figure pas au registre le {at}',
  },
  'arms_control.already_in_force': {
    en: 'Instrument {instrument} already entered into force on {enteredIntoForceAt}',
    fr: 'L’instrument {instrument} est déjà entré en vigueur le {enteredIntoForceAt}',
  },
  'arms_control.not_in_force': {
    en: 'Instrument {instrument} is not in force on {at}; only a treaty in force can terminate',
    fr: 'L’instrument {instrument} n’est pas en vigueur le {at}\u00a0; seul un traité en vigueur peut prendre fin',
  },
  'arms_control.already_terminated': {
    en: 'Instrument {instrument} already ceased to be in force on {terminatedAt}',
    fr: 'L’instrument {instrument} a déjà cessé d’être en vigueur le {terminatedAt}',
  },
  'arms_control.not_a_treaty': {
    en: 'Instrument {instrument} is politically binding; it does not enter into force',
    fr: 'L’instrument {instrument} est politiquement contraignant\u00a0; il n’entre pas en vigueur',
  },
  'arms_control.status_unchanged': {
    en: '{state} has already been {status} in {instrument} since {from}',
    fr: '{state} a déjà le statut {status} dans {instrument} depuis le {from}',
  },
  'arms_control.transition_invalid': {
    en: '{state} cannot go from {from} to {to} in {instrument}',
    fr: '{state} ne peut passer de {from} à {to} dans {instrument}',
  },
  'arms_control.bound_not_first': {
    en: 'Only a first status can be dated "on or before": {state} has held a status in {instrument} since {from}',
    fr: 'Seul un premier statut peut être daté « au plus tard le » : {state} a un statut dans {instrument} depuis le {from}',
  },
  'arms_control.before_previous': {
    en: 'A status of {state} in {instrument} on {at} cannot precede its status of {from}',
    fr: 'Un statut de {state} dans {instrument} le {at} ne peut précéder son statut du {from}',
  },
  'arms_control.state_dissolved': {
    en: '{state} no longer exists on {at} (its last day was {until}); record the status of its successor or continuing state in {instrument}',
    fr: '{state} n’existe plus le {at} (son dernier jour était le {until})\u00a0; enregistrez le statut de l’État successeur ou continuateur dans {instrument}',
  },
  'arms_control.committee_exists': {
    en: 'Committee {committee} was already established on {establishedAt}',
    fr: 'Le comité {committee} a déjà été créé le {establishedAt}',
  },
} satisfies Codes;
