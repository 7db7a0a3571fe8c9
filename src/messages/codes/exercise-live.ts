/** Codes of a scenario's channels (messages between seats) and of its objectives and their evaluation, in English and French. */
import type { Codes } from '../message.js';

export const EXERCISE_LIVE = {
  'channel.text_empty': { en: 'A message needs a text', fr: 'Un message doit avoir un texte' },
  'channel.text_long': { en: 'A message holds at most {max} characters; this one has {length}', fr: 'Un message compte au plus {max} caractères ; celui-ci en a {length}' },
  'channel.seat_unknown': { en: 'The scenario has no seat {seat} (seats: the Allies at the start, IS, its partners; ALL for everyone)', fr: 'Le scénario n’a pas de siège {seat} (sièges : les Alliés au début, IS, ses partenaires ; ALL pour tous)' },
  'channel.no_addressee': { en: 'A message is addressed to at least one seat (or ALL)', fr: 'Un message est adressé à au moins un siège (ou ALL)' },
  'channel.everyone_alone': { en: 'A message to everyone (ALL) names no other seat', fr: 'Un message à tous (ALL) ne nomme aucun autre siège' },
  'channel.to_self': { en: 'Seat {seat} cannot send a message to itself', fr: 'Le siège {seat} ne peut s’adresser un message à lui-même' },
  'channel.refused': { en: 'The message was not sent: {rule}', fr: 'Le message n’a pas été envoyé : {rule}' },
  'channel.not_seated': { en: '{user} holds no seat {seat} in scenario "{name}" and is not its exercise control', fr: '{user} n’occupe pas le siège {seat} du scénario « {name} » et n’en est pas la direction' },
  'aar.MessageSent': { en: 'Message from {from} to {to}: {text}', fr: 'Message de {from} à {to} : {text}' },
} satisfies Codes;
