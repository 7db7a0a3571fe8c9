/** The record as open data (`evere dataset`, /api/worlds/{world}/dataset), in English and French. */
import type { Codes } from '../message.js';

export const DATASET = {
  'dataset.source_class_conflict': {
    en: 'The record cites {source} as "{sourceClass}" ({file}:{line}) and as "{otherClass}" ({otherFile}:{otherLine}): a source has one class. No data package was made.',
    fr: 'Le registre cite {source} comme «\u00a0{sourceClass}\u00a0» ({file}:{line}) et comme «\u00a0{otherClass}\u00a0» ({otherFile}:{otherLine})\u00a0: une source n’a qu’une classe. Aucun paquet de données n’a été produit.',
  },
  'dataset.out_not_empty': {
    en: '{dir} exists and is not empty: give an empty or new directory, or --force to replace the data package in it. Nothing was written.',
    fr: '{dir} existe et n’est pas vide\u00a0: indiquez un répertoire vide ou nouveau, ou --force pour y remplacer le paquet de données. Rien n’a été écrit.',
  },
  'dataset.out_not_directory': {
    en: '{dir} is not a directory. Nothing was written.',
    fr: '{dir} n’est pas un répertoire. Rien n’a été écrit.',
  },
  'cli.dataset_written': {
    en: 'Wrote the data package of "{world}" to {dir}: {tables} tables, {rows} rows, taken at tree size {size}, root {root}.',
    fr: 'Paquet de données de «\u00a0{world}\u00a0» écrit dans {dir}\u00a0: {tables} tables, {rows} lignes, pris à la taille d’arbre {size}, racine {root}.',
  },
  'cli.dataset_cite': {
    en: 'Cite it as: {citation}',
    fr: 'À citer ainsi\u00a0: {citation}',
  },
} satisfies Codes;
