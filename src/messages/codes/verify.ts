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
  'verify.entry_column': {
    en: 'entry column {column} is {stored, select, null {empty} other {{stored}}} in the store, {wanted, select, null {empty} other {{wanted}}} in the entry',
    fr: 'la colonne {column} de l’entrée est {stored, select, null {vide} other {{stored}}} dans le stockage, {wanted, select, null {vide} other {{wanted}}} dans l’entrée',
  },
  'verify.index_missing': { en: 'index row {kind} {key} is missing from the store', fr: 'la ligne d’index {kind} {key} manque dans le stockage' },
  'verify.index_not_derived': { en: 'index row {kind} {key} in the store is not derived from this entry', fr: 'la ligne d’index {kind} {key} du stockage ne découle pas de cette entrée' },
  'verify.index_column': {
    en: 'index row {kind} {key}: {column} is {stored, select, null {empty} other {{stored}}} in the store, {rebuilt, select, null {empty} other {{rebuilt}}} rebuilt from the log',
    fr: 'ligne d’index {kind} {key}\u00a0: {column} est {stored, select, null {vide} other {{stored}}} dans le stockage, {rebuilt, select, null {vide} other {{rebuilt}}} d’après le journal reconstruit',
  },
  'verify.index_end': {
    en: 'index row {kind} {key}: {stored, select, current {current} other {superseded by entry {stored}}} in the store, {rebuilt, select, current {current} other {superseded by entry {rebuilt}}} rebuilt from the log',
    fr: 'ligne d’index {kind} {key}\u00a0: {stored, select, current {en vigueur} other {remplacée par l’entrée {stored}}} dans le stockage, {rebuilt, select, current {en vigueur} other {remplacée par l’entrée {rebuilt}}} d’après le journal reconstruit',
  },
} satisfies Codes;

/**
 * A field of an entry that breaks a rule (the ledger's `FieldRule`), named in `verify.malformed`,
 * `import.reason.malformed` and `ledger.entry_invalid`. Field names are the entry's JSON keys and
 * stay as they are in French.
 */
export const ENTRY_FIELD = {
  'entry_field.not_object': { en: 'the entry is not a JSON object', fr: 'l’entrée n’est pas un objet JSON' },
  'entry_field.version': { en: '{field}: expected {value}', fr: '{field}\u00a0: {value} attendu' },
  'entry_field.non_empty_string': { en: '{field}: expected a non-empty string', fr: '{field}\u00a0: chaîne non vide attendue' },
  'entry_field.non_negative_integer': { en: '{field}: expected a non-negative integer', fr: '{field}\u00a0: entier positif ou nul attendu' },
  'entry_field.utc_time': { en: '{field}: expected an ISO 8601 UTC date-time', fr: '{field}\u00a0: date et heure UTC ISO\u00a08601 attendues' },
  'entry_field.iso_time': { en: '{field}: expected an ISO 8601 date or UTC date-time', fr: '{field}\u00a0: date ISO\u00a08601 ou date et heure UTC attendue' },
  'entry_field.true_or_absent': { en: '{field}: expected true or absent', fr: '{field}\u00a0: true attendu, ou champ absent' },
  'entry_field.classification': { en: '{field}: unknown level', fr: '{field}\u00a0: niveau inconnu' },
  'entry_field.non_empty_list': { en: '{field}: expected a non-empty list', fr: '{field}\u00a0: liste non vide attendue' },
  'entry_field.releasability_token': { en: '{field}: invalid token {value}', fr: '{field}\u00a0: jeton invalide {value}' },
  'entry_field.string': { en: '{field}: expected a string', fr: '{field}\u00a0: chaîne attendue' },
  'entry_field.missing': { en: '{field}: missing', fr: '{field}\u00a0: absent' },
  'entry_field.unknown_field': { en: '{field}: unknown field', fr: '{field}\u00a0: champ inconnu' },
} satisfies Codes;

/**
 * Why a key, a signed note, a checkpoint or a base64 text is not well formed (the ledger's
 * `LedgerFormatError`), named in the refusals of proofs, witnesses, imports and `verify`.
 */
export const FORMAT = {
  'format.base64_length': { en: 'base64 length is not a multiple of 4', fr: 'la longueur du base64 n’est pas un multiple de 4' },
  'format.base64_character': { en: 'invalid base64 character at {at}', fr: 'caractère base64 invalide à la position {at}' },
  'format.key_name': { en: 'invalid key name: {name}', fr: 'nom de clé invalide\u00a0: {name}' },
  'format.verifier_key_form': { en: 'a verifier key has the form name+hash+key', fr: 'une clé de vérification a la forme nom+empreinte+clé' },
  'format.verifier_key_type': { en: 'verifier key is not an Ed25519 key', fr: 'la clé de vérification n’est pas une clé Ed25519' },
  'format.verifier_key_hash': { en: 'verifier key hash does not match its key', fr: 'l’empreinte de la clé de vérification ne correspond pas à sa clé' },
  'format.witness_key_form': { en: 'a witness key has the form name+hash+key', fr: 'une clé de témoin a la forme nom+empreinte+clé' },
  'format.witness_key_base64': { en: 'a witness key’s key part is not base64', fr: 'la partie clé d’une clé de témoin n’est pas du base64' },
  'format.witness_key_type': { en: 'a witness key must be a cosignature/v1 (type 0x04) Ed25519 key', fr: 'une clé de témoin doit être une clé Ed25519 cosignature/v1 (type 0x04)' },
  'format.note_newline': { en: 'note text must end with a newline', fr: 'le texte d’une note doit finir par un saut de ligne' },
  'format.checkpoint_newline': { en: 'checkpoint text must end with a newline', fr: 'le texte d’un point de contrôle doit finir par un saut de ligne' },
  'format.no_signature_block': { en: 'malformed note: no signature block', fr: 'note mal formée\u00a0: aucun bloc de signatures' },
  'format.signature_line': { en: 'malformed signature line: {line}', fr: 'ligne de signature mal formée\u00a0: {line}' },
  'format.signature': { en: 'malformed signature', fr: 'signature mal formée' },
  'format.signature_invalid': { en: 'signature by {name} does not verify', fr: 'la signature de {name} n’est pas valide' },
  'format.no_known_signature': { en: 'no signature from a known key', fr: 'aucune signature d’une clé connue' },
  'format.cosignature_version': { en: 'cosignature by {name} is not a cosignature/v1', fr: 'la cosignature de {name} n’est pas une cosignature/v1' },
  'format.cosignature_timestamp': { en: 'cosignature by {name} has an impossible timestamp', fr: 'la cosignature de {name} porte un horodatage impossible' },
  'format.cosignature_invalid': { en: 'cosignature by {name} does not verify', fr: 'la cosignature de {name} n’est pas valide' },
  'format.checkpoint_lines': { en: 'checkpoint needs origin, size and root lines', fr: 'un point de contrôle demande les lignes d’origine, de taille et de racine' },
  'format.checkpoint_size': { en: 'checkpoint size is not a decimal number: {size}', fr: 'la taille du point de contrôle n’est pas un nombre décimal\u00a0: {size}' },
  'format.checkpoint_root': { en: 'checkpoint root hash is not 32 bytes', fr: 'l’empreinte racine du point de contrôle ne fait pas 32\u00a0octets' },
  'format.text': { en: '{text}', fr: '{text}' },
} satisfies Codes;

export type FormatCode = keyof typeof FORMAT;

/** Why a line of an NDJSON file (an export, a record file) is not even a JSON line: the column counts from 1. */
export const JSON_LINE = {
  'json_line.invalid': { en: 'not valid JSON', fr: 'JSON invalide' },
  'json_line.invalid_at': { en: 'not valid JSON at column {column}', fr: 'JSON invalide à la colonne {column}' },
  'json_line.not_object': { en: 'a line must be a JSON object', fr: 'une ligne doit être un objet JSON' },
} satisfies Codes;

export type JsonLineReason = keyof typeof JSON_LINE;

/** Why `evere init` refuses a line of the record before deciding it (`load.malformed`). */
export const LOAD_REASONS = {
  'load.reason.no_source': { en: 'source: every fact needs a public source URL', fr: 'source\u00a0: chaque fait demande l’URL d’une source publique' },
  'load.reason.no_source_class': { en: 'sourceClass: missing; one of {classes}', fr: 'sourceClass\u00a0: absente\u00a0; l’une de {classes}' },
  'load.reason.bad_source_class': { en: 'sourceClass: "{value}" is not a class; one of {classes}', fr: 'sourceClass\u00a0: «\u00a0{value}\u00a0» n’est pas une classe\u00a0; l’une de {classes}' },
  'load.reason.no_time': { en: 'at: missing valid time', fr: 'at\u00a0: temps de validité absent' },
  'load.reason.bad_time': { en: 'at: "{value}" is not an ISO 8601 date', fr: 'at\u00a0: «\u00a0{value}\u00a0» n’est pas une date ISO\u00a08601' },
  'load.reason.command': { en: '{rule} ({path})', fr: '{rule} ({path})' },
} satisfies Codes;

/** Why `import` refuses a line of an export file (the line is named by `import.malformed_line`). */
export const IMPORT_REASONS = {
  'import.reason.empty_line': { en: 'empty line', fr: 'ligne vide' },
  'import.reason.not_header': { en: 'the first line must be the export header', fr: 'la première ligne doit être l’en-tête d’export' },
  'import.reason.header_version': { en: 'the first line must be an Evere export header, version 1', fr: 'la première ligne doit être un en-tête d’export Evere, version 1' },
  'import.reason.header_world': { en: 'header: world is missing its name or origin', fr: 'en-tête : il manque au monde son nom ou son origine' },
  'import.reason.header_principals': { en: 'header: principals must be a list', fr: 'en-tête : principals doit être une liste' },
  'import.reason.header_principal': { en: 'header: principals[{index}] is incomplete', fr: 'en-tête : principals[{index}] est incomplet' },
  'import.reason.header_checkpoints': { en: 'header: checkpoints must be a list', fr: 'en-tête : checkpoints doit être une liste' },
  'import.reason.malformed': { en: 'malformed entry: {details}', fr: 'entrée mal formée : {details}' },
  'import.reason.not_canonical': { en: 'entry is not in canonical JSON form (RFC 8785)', fr: 'l’entrée n’est pas sous forme JSON canonique (RFC 8785)' },
  'import.reason.wrong_world': { en: 'entry belongs to world {said}, not {expected}', fr: 'l’entrée appartient au monde {said}, non à {expected}' },
  'import.reason.wrong_seq': { en: 'seq is {said}, expected {expected}', fr: 'seq vaut {said}, {expected} attendu' },
  'import.reason.record_time_backwards': { en: 'recordTime goes backwards', fr: 'recordTime recule' },
  'import.reason.unknown_key': { en: 'signed by unknown key {kid}', fr: 'signée par une clé inconnue {kid}' },
  'import.reason.bad_signature': { en: 'signature does not verify', fr: 'la signature n’est pas valide' },
  'import.reason.empty_file': { en: 'empty file: no export header', fr: 'fichier vide : aucun en-tête d’export' },
  'import.reason.no_log_principal': { en: 'header has no log principal', fr: 'l’en-tête n’a pas de principal du journal (log)' },
  'import.reason.checkpoint_invalid': { en: 'checkpoint at size {size} does not verify: {detail}', fr: 'le point de contrôle à la taille {size} n’est pas valide : {detail}' },
  'import.reason.checkpoint_mismatch': { en: 'checkpoint at size {size} does not match the entries', fr: 'le point de contrôle à la taille {size} ne correspond pas aux entrées' },
} satisfies Codes;

export type ImportReason = keyof typeof IMPORT_REASONS;

export type VerifyCode = keyof typeof VERIFY;
