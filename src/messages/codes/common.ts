/**
 * Codes shared by every procedure: the shape of a command (`command.*`, from parseCommand) and who
 * may give it (`actor.*`, checked against the command's declaration before any procedure runs).
 */
import type { Codes } from '../message.js';

export const COMMAND = {
  'command.not_object': {
    en: 'A command must be a JSON object with cmd, at, by and data',
    fr: 'Une commande doit être un objet JSON avec cmd, at, by et data',
  },
  'command.unknown': { en: 'Unknown command {cmd}', fr: 'Commande inconnue\u00a0: {cmd}' },
  'command.field_missing': { en: 'Missing field {path}', fr: 'Champ manquant\u00a0: {path}' },
  'command.field_invalid': {
    en: 'Field {path} is invalid: expected {expected}',
    fr: 'Champ {path} non valide\u00a0: {expected} attendu',
  },
  'command.field_unknown': { en: 'Unknown field {path}', fr: 'Champ inconnu\u00a0: {path}' },
  'command.date_invalid': {
    en: 'Field {path}: {value} is not a date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDTHH:MM:SSZ)',
    fr: 'Champ {path}\u00a0: {value} n’est ni une date (AAAA-MM-JJ) ni une date-heure UTC (AAAA-MM-JJTHH:MM:SSZ)',
  },
  'command.state_unknown': {
    en: 'Field {path}: unknown state or body code {value}',
    fr: 'Champ {path}\u00a0: code d’État ou d’organe inconnu {value}',
  },
  'command.state_ambiguous': {
    en: 'Field {path}: {value} is ambiguous, it reads as {readings}; use the ISO 3166-1 alpha-3 code',
    fr: 'Champ {path}\u00a0: {value} est ambigu, il se lit {readings}\u00a0; utilisez le code ISO 3166-1 alpha-3',
  },
  'command.source_truncated': {
    en: 'Field {path}: the URL {value} was cut short (it contains "…" or ends in "..."); give the whole address',
    fr: 'Champ {path}\u00a0: l’URL {value} est tronquée (elle contient «\u00a0…\u00a0» ou finit par «\u00a0...\u00a0»)\u00a0; donnez l’adresse entière',
  },
  'command.duplicate': {
    en: 'Field {path}: {value} is listed more than once',
    fr: 'Champ {path}\u00a0: {value} figure plus d’une fois',
  },
} satisfies Codes;

export const ACTOR = {
  'actor.not_allowed': {
    en: '{by} may not give {cmd}; it is given by {allowed}',
    fr: '{by} ne peut pas donner {cmd}\u00a0; cette commande revient à {allowed}',
  },
  'actor.not_ally': { en: '{by} is not an Ally on {at}', fr: '{by} n’est pas un Allié le {at}' },
  'actor.mismatch': { en: '{by} cannot act for {party}', fr: '{by} ne peut pas agir pour {party}' },
} satisfies Codes;
