/** Violations of the rules of the DCB trust fund: packages, pledges, contributions, allocations, spending. */
import type { Codes } from '../message.js';

export const FUND = {
  'fund.package_exists': {
    en: 'DCB package {package} was already launched on {launchedAt}',
    fr: 'Le programme DCB {package} a déjà été lancé le {launchedAt}',
  },
  'fund.partner_is_ally': {
    en: 'DCB supports partners; {partner} is an Ally on {at}',
    fr: 'Le DCB soutient des partenaires\u00a0; {partner} est Allié le {at}',
  },
  'fund.package_unknown': {
    en: 'No DCB package {package} has been launched by {at}',
    fr: 'Aucun programme DCB {package} n’a été lancé au {at}',
  },
  'fund.not_ally': {
    en: 'Only Allies pledge or contribute to the fund; {state} is not an Ally on {at}',
    fr: 'Seuls les Alliés s’engagent ou contribuent au fonds\u00a0; {state} n’est pas Allié le {at}',
  },
  'fund.pledge_exists': {
    en: 'Pledge {pledge} was already made on {pledgedAt}',
    fr: 'L’engagement {pledge} a déjà été pris le {pledgedAt}',
  },
  'fund.contribution_exists': {
    en: 'Contribution {contribution} was already received on {receivedAt}',
    fr: 'La contribution {contribution} a déjà été reçue le {receivedAt}',
  },
  'fund.pledge_unknown': {
    en: 'No pledge {pledge} has been made by {at}',
    fr: 'Aucun engagement {pledge} n’a été pris au {at}',
  },
  'fund.pledge_not_own': {
    en: 'Pledge {pledge} was made by {pledgedBy}, not by {ally}',
    fr: 'L’engagement {pledge} a été pris par {pledgedBy}, et non par {ally}',
  },
  'fund.currency_mismatch': {
    en: '{what} {id} is in {expected}; an amount in {currency} cannot be counted against it',
    fr: '{what, select, Pledge {L’engagement} Project {Le projet} other {{what}}} {id} est libellé en {expected}\u00a0; un montant en {currency} ne peut y être imputé',
  },
  'fund.package_mismatch': {
    en: 'Pledge {pledge} is earmarked for package {pledgePackage}, not {package}',
    fr: 'L’engagement {pledge} est affecté au programme {pledgePackage}, et non à {package}',
  },
  'fund.pledge_exceeded': {
    en: 'A contribution of {amount} exceeds what remains of pledge {pledge}: {outstanding}',
    fr: 'Une contribution de {amount} dépasse le reliquat de l’engagement {pledge}\u00a0: {outstanding}',
  },
  'fund.insufficient_funds': {
    en: 'Nothing is allocated beyond what was received: {amount} asked for package {package}, {available} received and unallocated',
    fr: 'Rien n’est alloué au-delà de ce qui a été reçu\u00a0: {amount} demandés pour le programme {package}, {available} reçus et non alloués',
  },
  'fund.area_not_in_package': {
    en: 'Area {area} is not part of package {package} ({areas})',
    fr: 'Le domaine {area} ne fait pas partie du programme {package} ({areas})',
  },
  'fund.project_mismatch': {
    en: 'Project {project} belongs to {field} {expected}, not {value}',
    fr: 'Le projet {project} relève de {field} {expected}, et non de {value}',
  },
  'fund.project_unknown': {
    en: 'No money has been allocated to project {project}',
    fr: 'Aucun fonds n’a été alloué au projet {project}',
  },
  'fund.overspent': {
    en: 'An expenditure of {amount} exceeds what remains allocated to project {project}: {available}',
    fr: 'Une dépense de {amount} dépasse le reliquat alloué au projet {project}\u00a0: {available}',
  },
  'fund.before_last_movement': {
    en: 'Money in {currency} moves in date order: {at} is before the latest movement, on {lastAt}',
    fr: 'Les mouvements en {currency} suivent l’ordre des dates\u00a0: le {at} précède le dernier mouvement, du {lastAt}',
  },
  'fund.amount_out_of_range': {
    en: 'The amount {amount} would make a total beyond what can be counted exactly',
    fr: 'Le montant {amount} porterait un total au-delà de ce qui peut être compté exactement',
  },
} satisfies Codes;
