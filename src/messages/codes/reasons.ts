/**
 * Why an input was refused, nested in the frame of a refusal (`cli.usage`, `input.invalid`,
 * `account.invalid`, `proof.malformed`, `cosign.rejected`) as its `{reason}`, so that the whole
 * message is in the reader's language. Option names, field names, environment variables and
 * the values they take stay as they are in French.
 *
 * `reason.request.*` say why the API could not read a request at all (`input.malformed`);
 * `what.*` name the thing that was not found (`http.not_found`, `work.not_found`).
 */
import type { Codes } from '../message.js';

export const REASONS = {
  // Command-line usage (`cli.usage`).
  'reason.key_argument_unreadable': {
    en: '{option} is neither a key (name+hash+key) nor a readable file: {argument}',
    fr: '{option} n’est ni une clé (nom+empreinte+clé) ni un fichier lisible\u00a0: {argument}',
  },
  'reason.entries_value': { en: '--entries must be public, all or none, not "{value}"', fr: '--entries doit valoir public, all ou none, et non «\u00a0{value}\u00a0»' },
  'reason.url_without_witness': { en: '--url goes with --add-witness', fr: '--url ne s’emploie qu’avec --add-witness' },
  'reason.url_not_http': { en: '--url must be an http(s) URL, not "{url}"', fr: '--url doit être une URL http(s), et non «\u00a0{url}\u00a0»' },
  'reason.seq_or_from': { en: 'give SEQ or --from SIZE', fr: 'indiquez SEQ ou --from SIZE' },
  'reason.min_witnesses_without_keys': { en: '--min-witnesses needs --witness keys', fr: '--min-witnesses demande des clés --witness' },
  'reason.min_witnesses_too_many': {
    en: '--min-witnesses {required} is more than the {count} --witness keys given',
    fr: '--min-witnesses {required} dépasse le nombre de clés --witness données ({count})',
  },

  // A proof file (`proof.malformed`).
  'reason.proof_hashes': { en: '{name} must be a list of 64-digit hex hashes', fr: '{name} doit être une liste d’empreintes de 64\u00a0chiffres hexadécimaux' },
  'reason.proof_checkpoint_missing': { en: 'checkpoint note missing', fr: 'note du point de contrôle absente' },
  'reason.proof_leaf': { en: 'leafIndex and leafHash are required', fr: 'leafIndex et leafHash sont requis' },
  'reason.proof_size1': { en: 'size1 is required', fr: 'size1 est requis' },
  'reason.proof_checkpoint1': { en: 'checkpoint1 (the older signed checkpoint) is required', fr: 'checkpoint1 (le point de contrôle signé le plus ancien) est requis' },
  'reason.proof_kind': { en: 'kind must be "inclusion" or "consistency"', fr: 'kind doit valoir «\u00a0inclusion\u00a0» ou «\u00a0consistency\u00a0»' },
  'reason.no_verifier_key': { en: 'no verifier key: pass --key', fr: 'aucune clé de vérification\u00a0: indiquez --key' },
  'reason.key_option_unreadable': {
    en: '--key is neither a verifier key nor a readable file: {value}',
    fr: '--key n’est ni une clé de vérification ni un fichier lisible\u00a0: {value}',
  },

  // Cosignatures given back to the log (`cosign.rejected`).
  'reason.no_witness_line': { en: 'no line is from a witness of this log', fr: 'aucune ligne ne vient d’un témoin de ce journal' },

  // Accounts and tokens (`account.invalid`).
  'reason.role_one_of': { en: 'one of {roles}', fr: 'l’un de {roles}' },
  'reason.clearance_level': { en: 'a classification level, e.g. NATO SECRET', fr: 'un niveau de classification, par exemple NATO SECRET' },
  'reason.party_ambiguous': {
    en: '"{value}" is ambiguous, use an ISO 3166-1 alpha-3 state code',
    fr: '«\u00a0{value}\u00a0» est ambigu, employez un code d’État ISO\u00a03166-1 alpha-3',
  },
  'reason.party_code': { en: 'an ISO 3166-1 alpha-3 state code', fr: 'un code d’État ISO\u00a03166-1 alpha-3' },
  'reason.party_needed': {
    en: 'a {role} account needs the state it belongs to',
    fr: '{role, select, delegation {un compte de délégation} partner {un compte de délégation partenaire} other {un compte {role}}} doit indiquer l’État auquel il appartient',
  },
  'reason.username_form': {
    en: '2–63 lower-case letters, digits, dots, hyphens or underscores',
    fr: 'de 2 à 63 lettres minuscules, chiffres, points, traits d’union ou tirets bas',
  },
  'reason.password_length': { en: 'at least 12 characters', fr: 'au moins 12\u00a0caractères' },
  'reason.password_missing': { en: 'give --password or set EVERE_PASSWORD', fr: 'indiquez --password ou définissez EVERE_PASSWORD' },
  'reason.token_days': { en: 'a number of days from 1 to 3650', fr: 'un nombre de jours de 1 à 3650' },

  // Amounts of the fund (`input.invalid`).
  'reason.unknown_currency': { en: 'unknown ISO 4217 currency {currency}', fr: 'devise ISO\u00a04217 inconnue {currency}' },
  'reason.amount_form': {
    en: '"{value}" is not an amount in {currency} with at most {digits} decimals',
    fr: '«\u00a0{value}\u00a0» n’est pas un montant en {currency} {digits, plural, =0 {sans décimales} one {avec au plus # décimale} other {avec au plus # décimales}}',
  },
  'reason.amount_range': { en: '"{value}" is out of range', fr: '«\u00a0{value}\u00a0» est hors limites' },

  // Scenarios, from the command line (`input.invalid`).
  'reason.admit_needs_user': { en: 'give --user (and --seat for a player)', fr: 'indiquez --user (et --seat pour un joueur)' },
  'reason.seat_needs_user_or_bot': { en: 'give --user USERNAME or --bot', fr: 'indiquez --user USERNAME ou --bot' },
  'reason.one_of_them': { en: 'give one of them', fr: 'indiquez l’une des deux' },
  'reason.inject_id_alone': {
    en: 'an inject of the list is delivered as it is: give its id alone, or an ad-hoc inject without an id',
    fr: 'un inject de la liste est transmis tel quel\u00a0: indiquez son id seul, ou un inject ad hoc sans id',
  },
  'reason.inject_id_or_kind': { en: 'an inject id, or --kind ({kinds}) and --title', fr: 'l’id d’un inject, ou --kind ({kinds}) et --title' },

  // Scenarios, from the API (`input.invalid`): the names are the body's fields.
  'reason.body_username_or_bot': { en: 'give username, or bot: true', fr: 'indiquez username, ou bot: true' },
  'reason.body_inject_alone': {
    en: 'give inject alone, or an ad-hoc inject (kind, title...) without inject',
    fr: 'indiquez inject seul, ou un inject ad hoc (kind, title…) sans inject',
  },
  'reason.body_inject_or_kind': { en: 'give inject, or kind and title', fr: 'indiquez inject, ou kind et title' },
  'reason.body_at_seq_or_at': { en: 'give atSeq or at (one of them)', fr: 'indiquez atSeq ou at (l’un des deux)' },

  // Fastify's own refusals of a request it cannot read (`input.malformed`).
  'reason.request.media_type': { en: 'unsupported content type', fr: 'type de contenu non pris en charge' },
  'reason.request.content_length': { en: 'the content length does not match the body', fr: 'la longueur annoncée du contenu ne correspond pas au corps' },
  'reason.request.empty_json': { en: 'the JSON body is empty', fr: 'le corps JSON est vide' },
  'reason.request.invalid_json': { en: 'the body is not valid JSON', fr: 'le corps n’est pas du JSON valide' },
  'reason.request.empty_type': { en: 'the content type is empty', fr: 'le type de contenu est vide' },
  'reason.request.invalid_type': { en: 'the content type is invalid', fr: 'le type de contenu est invalide' },
  'reason.request.body_unreadable': { en: 'the body cannot be read', fr: 'le corps ne peut pas être lu' },
  'reason.request.bad_url': { en: 'the URL is malformed', fr: 'l’URL est mal formée' },
  'reason.request.param_length': { en: 'a part of the path is too long', fr: 'une partie du chemin est trop longue' },
  'reason.request.unroutable': { en: 'the request cannot be routed', fr: 'la requête ne peut pas être acheminée' },
  'reason.request.unreadable': { en: 'the request cannot be read', fr: 'la requête ne peut pas être lue' },

  // What was not found.
  'what.entry': { en: 'entry {seq}', fr: 'entrée {seq}' },
  'what.dataset_file': { en: 'dataset file {file}', fr: 'fichier du jeu de données {file}' },
  'what.operation': { en: 'operation', fr: 'opération' },
} satisfies Codes;

export type ReasonCode = keyof typeof REASONS;
