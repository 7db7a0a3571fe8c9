/**
 * The Alliance's offices and headquarters over time: each office's holders and each body's seats,
 * with who holds or where it sits today on top, bounds said in words and the spans no source
 * covers shown as such (GET …/offices/terms).
 */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { today } from '../lib/facts.js';
import { CoverageNote } from '../components/coverage-note.js';
import { TermsTable, type Term } from '../components/terms-table.js';
import { PageHeader, QueryView, Section } from '../components/ui.js';

export default function OfficesPage({ location }: PageProps) {
  const { t, v } = useI18n();
  const rt = useRecordText();
  const terms = useApi<Term[]>(`/api/worlds/${encodeURIComponent(location.world)}/offices/terms`, location.world);
  const groups = useMemo(() => {
    const by = new Map<string, Term[]>();
    for (const term of terms.data ?? []) by.set(term.what, [...(by.get(term.what) ?? []), term]);
    // In the API's order: the Secretary General first, the seats last.
    return [...by].map(([what, list]) => ({ what, terms: list }));
  }, [terms.data]);
  const now = `${today()}T23:59:59.999Z`;
  const label = (what: string, kind: Term['kind']) => (kind === 'seat' ? v('seatBody', what) : v('office', what));
  const current = (list: readonly Term[]) => list.find((x) => x.recorded && x.from <= now && (x.until === undefined || now < x.until));
  const said = (x: Term) => (x.holder !== undefined ? rt(x.holder) : undefined) ?? (x.site ? `${rt(x.place)} (${rt(x.site)})` : rt(x.place));
  return (
    <>
      <PageHeader title={t('offices.title')} lead={t('offices.lead')} />
      <CoverageNote world={location.world} area="offices" />
      <CoverageNote world={location.world} area="places" />
      <QueryView query={terms} isEmpty={() => groups.length === 0}>
        {() => (
          <>
            {groups.map(({ what, terms: list }) => {
              const kind = list[0]!.kind;
              const now = current(list);
              return (
                <Section key={what} title={label(what, kind)} id={what}>
                  {/* An acting holder is the exception, not a post always held: no "nobody today" for it.
                      SACLANT's post ended with Allied Command Atlantic (the record's SACT line, 19 June 2003). */}
                  {what === 'saclant' || what === 'acting_saclant' ? <p className="note">{t('offices.saclant_ended')}</p>
                    : (now || what !== 'acting_secretary_general') && <p className="chips-line"><strong>{t('offices.current')}</strong>{' '}{now ? said(now) : <span className="muted">{t('offices.none_today')}</span>}</p>}
                  <TermsTable terms={list} caption={label(what, kind)} who={kind === 'seat' ? t('offices.seat') : t('offices.holder')} />
                </Section>
              );
            })}
            <p className="note">{t('terms.bounds')}</p>
          </>
        )}
      </QueryView>
    </>
  );
}
