/**
 * The terms of an office (holders) or of a body's seat (places), as GET …/offices/terms gives
 * them: each with its bounds said in words ("on or before", "not before"), and the spans between
 * two recorded terms that no source covers as rows of their own ("Not recorded").
 */
import { useI18n, stateName } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useStates } from '../lib/reference.js';
import { SortableTable } from './table.js';
import { DateText } from './ui.js';
import type { OfficeTerm } from '../../app/offices.js';

/** A term as the API gives it (the same type as the server's). */
export type Term = OfficeTerm;

export function TermsTable({ terms, caption, who }: { terms: readonly Term[]; caption: string; who: string }) {
  const { t, lang } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const muted = (text: string) => <span className="muted">{text} </span>;
  const name = (r: Term) => (r.holder !== undefined ? rt(r.holder) : undefined) ?? (r.place === undefined ? undefined : r.site ? `${rt(r.place)} (${rt(r.site)})` : rt(r.place));
  return (
    <SortableTable caption={caption} captionHidden rows={terms} rowKey={(r) => r.from} initialSort="from"
      columns={[
        {
          key: 'from', header: t('terms.in_post'), sort: (r) => r.from,
          render: (r) => (
            <>
              {r.fromIs && muted(t('acc.on_or_before'))}<DateText iso={r.from} /> →{' '}
              {r.until
                ? <>{r.untilIs === 'on_or_after' ? muted(t('terms.not_before')) : r.untilIs === 'on_or_before' ? muted(t('acc.on_or_before')) : null}<DateText iso={r.until} /></>
                : t('app.ongoing')}
            </>
          ),
        },
        // The nationality is said under the name: a third column would not fit a phone.
        {
          key: 'name', header: who, rowHeader: true, sort: (r) => name(r) ?? '',
          render: (r) => {
            const n = name(r);
            if (n === undefined) return <span className="muted">{t('acc.row_not_recorded')}</span>;
            return <>{n}{r.nationality && <><br /><span className="muted">{stateName(lang, states, r.nationality)}</span></>}</>;
          },
        },
      ]} />
  );
}
