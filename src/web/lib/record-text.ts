/**
 * The record's texts in the reader's language (src/messages/record-french.ts): pages that show
 * what a record line says (a reason, a measure, a title, an area) pass it through `useRecordText`.
 * Imported by those pages only, so the French of the record loads with them, not with the home page.
 */
import { recordText } from '../../messages/record-french.js';
import { useI18n } from './i18n.js';

export type RecordTextOf = {
  (text: string): string;
  (text: string | undefined): string | undefined;
};

export function useRecordText(): RecordTextOf {
  const { lang } = useI18n();
  return ((text: string | undefined) => recordText(lang, text)) as RecordTextOf;
}
