/**
 * NATO-EU overlap, computed at any date from both memberships (never stored): Allies in the EU,
 * EU members outside NATO, Allies outside the EU; its history year by year; the joint declarations.
 */
import { useMemo } from 'react';
import type { PageProps } from '../app.js';
import { useI18n, stateName } from '../lib/i18n.js';
import { useRecordText } from '../lib/record-text.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { useMarkings } from '../lib/markings.js';
import { endOfDay, today, validAt, type Fact } from '../lib/facts.js';
import { hrefFor, navigate } from '../lib/router.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, Empty, PageHeader, QueryView, Section } from '../components/ui.js';

type Member = Fact<{ state: string }>;
type Declaration = Fact<{ declaration: string; title: string; areas: string[]; place?: string; signedAt: string }>;

export default function EuPage({ location }: PageProps) {
  const { t, lang, v, date } = useI18n();
  const rt = useRecordText();
  const states = useStates();
  const w = encodeURIComponent(location.world);
  const eu = useApi<Member[]>(`/api/worlds/${w}/facts/eu-membership`, location.world);
  const nato = useApi<Member[]>(`/api/worlds/${w}/facts/membership`, location.world);
  const declarations = useApi<Declaration[]>(`/api/worlds/${w}/facts/nato-eu-declaration`, location.world);
  useMarkings(eu.data);
  useMarkings(declarations.data);
  const at = location.query.get('at') ?? today();

  const view = useMemo(() => {
    if (!eu.data || !nato.data) return undefined;
    const at_ = endOfDay(at);
    const e = new Set(eu.data.filter((m) => validAt(m, at_)).map((m) => m.data.state));
    const n = new Set(nato.data.filter((m) => validAt(m, at_)).map((m) => m.data.state));
    const both = [...n].filter((s) => e.has(s));
    const history: { year: number; shared: number; allies: number; eu: number }[] = [];
    const first = Math.min(...eu.data.map((m) => Number(m.validFrom.slice(0, 4))), 1958);
    for (let y = first; y <= Number(today().slice(0, 4)); y++) {
      const inst = endOfDay(y === Number(today().slice(0, 4)) ? today() : `${y}-12-31`);
      const ee = new Set(eu.data.filter((m) => validAt(m, inst)).map((m) => m.data.state));
      const nn = nato.data.filter((m) => validAt(m, inst)).map((m) => m.data.state);
      history.push({ year: y, shared: nn.filter((s) => ee.has(s)).length, allies: nn.length, eu: ee.size });
    }
    return { both, euOnly: [...e].filter((s) => !n.has(s)), natoOnly: [...n].filter((s) => !e.has(s)), euCount: e.size, natoCount: n.size, history };
  }, [eu.data, nato.data, at]);

  const sortNames = (codes: string[]) => [...codes].sort((a, b) => stateName('en', states, a).localeCompare(stateName('en', states, b), 'en'));
  const max = Math.max(1, ...(view?.history.map((h) => Math.max(h.allies, h.eu)) ?? [1]));

  return (
    <>
      <PageHeader title={t('eu.title')} lead={t('eu.lead')}>
        <div className="inline-field">
          <label htmlFor="eu-date">{t('app.as_of')}</label>
          <input id="eu-date" type="date" value={at} max={today()} onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) navigate(hrefFor(lang, 'eu', location.world, { at: e.target.value }), { replace: true }); }} />
        </div>
      </PageHeader>
      <QueryView query={eu}>
        {() => view ? (
          <>
            <p className="lead-figure">{t('eu.shared', { shared: view.both.length, allies: view.natoCount, eu: view.euCount })} <span className="muted">({date(at)})</span></p>
            <div className="overlap">
              <section className="overlap__col" aria-labelledby="eu-nato-only"><h2 id="eu-nato-only">{t('eu.nato_only')} <span className="count">{view.natoOnly.length}</span></h2><ul className="chip-list">{sortNames(view.natoOnly).map((s) => <li key={s}><Chip tone="info">{stateName(lang, states, s)}</Chip></li>)}</ul></section>
              <section className="overlap__col overlap__col--both" aria-labelledby="eu-both"><h2 id="eu-both">{t('eu.both')} <span className="count">{view.both.length}</span></h2><ul className="chip-list">{sortNames(view.both).map((s) => <li key={s}><Chip tone="success">{stateName(lang, states, s)}</Chip></li>)}</ul></section>
              <section className="overlap__col" aria-labelledby="eu-eu-only"><h2 id="eu-eu-only">{t('eu.eu_only')} <span className="count">{view.euOnly.length}</span></h2><ul className="chip-list">{sortNames(view.euOnly).map((s) => <li key={s}><Chip tone="accent">{stateName(lang, states, s)}</Chip></li>)}</ul></section>
            </div>
            <Section title={t('eu.over_time')} id="history">
              <svg className="chart" viewBox="0 0 900 200" role="img" aria-label={`${t('eu.over_time')}${t('app.colon')}${view.history.at(-1)?.shared ?? 0}`}>
                {[0, 10, 20, 30].filter((n) => n <= max).map((n) => (
                  <g key={n}><line x1={40} x2={890} y1={180 - (n / max) * 160} y2={180 - (n / max) * 160} className="chart__grid" /><text x={34} y={184 - (n / max) * 160} textAnchor="end" className="chart__tick">{n}</text></g>
                ))}
                {(['allies', 'eu', 'shared'] as const).map((k) => (
                  <polyline key={k} fill="none" className={`chart__series chart__series--${k}`}
                    points={view.history.map((h, i) => `${40 + (i / Math.max(1, view.history.length - 1)) * 850},${180 - (h[k] / max) * 160}`).join(' ')} />
                ))}
                {view.history.filter((h) => h.year % 10 === 0).map((h) => (
                  <text key={h.year} x={40 + ((h.year - view.history[0]!.year) / Math.max(1, view.history.length - 1)) * 850} y={196} textAnchor="middle" className="chart__tick">{h.year}</text>
                ))}
              </svg>
              <ul className="chart-legend">
                <li><span className="key key--allies" aria-hidden="true" />{t('nav.allies')}</li>
                <li><span className="key key--eu" aria-hidden="true" />{t('eu.members_label')}</li>
                <li><span className="key key--shared" aria-hidden="true" />{t('eu.shared_col')}</li>
              </ul>
              <details className="table-details">
                <summary>{t('app.view_table')}</summary>
                <SortableTable caption={t('eu.over_time')} rows={view.history} rowKey={(h) => String(h.year)} initialSort="year" initialDir="desc" dense
                  columns={[
                    { key: 'year', header: t('eu.year_col'), rowHeader: true, sort: (h) => h.year, render: (h) => h.year },
                    { key: 'allies', header: t('nav.allies'), numeric: true, sort: (h) => h.allies, render: (h) => h.allies },
                    { key: 'eu', header: t('eu.members_label'), numeric: true, sort: (h) => h.eu, render: (h) => h.eu },
                    { key: 'shared', header: t('eu.shared_col'), numeric: true, sort: (h) => h.shared, render: (h) => h.shared },
                  ]} />
              </details>
            </Section>
          </>
        ) : null}
      </QueryView>
      <Section title={t('eu.declarations')} id="declarations">
        <QueryView query={declarations}>
          {(data) => data.length === 0 ? <Empty /> : (
            <SortableTable caption={t('eu.declarations')} captionHidden rows={data} rowKey={(d) => d.key} initialSort="date"
              columns={[
                { key: 'date', header: t('ally.date'), sort: (d) => d.data.signedAt, render: (d) => <DateText iso={d.data.signedAt} /> },
                { key: 'title', header: t('field.title'), rowHeader: true, sort: (d) => rt(d.data.title), render: (d) => <>{rt(d.data.title)}{d.data.place && <span className="muted"> — {rt(d.data.place)}</span>}</> },
                { key: 'areas', header: t('fund.areas'), render: (d) => <ul className="chip-list">{d.data.areas.map((a) => <li key={a}><Chip>{v('cooperationArea', a)}</Chip></li>)}</ul> },
              ]} />
          )}
        </QueryView>
      </Section>
    </>
  );
}
