/**
 * The Alliance at any date: the enlargement map, a timeline slider from 1949 to today (with a
 * play/pause control), the key figures at the chosen date, and the same data as a table. All
 * facts are read once (every version, with its valid time) so that moving the slider redraws
 * at once, without a request.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PageProps } from '../app.js';
import { useI18n } from '../lib/i18n.js';
import { useApi } from '../lib/data.js';
import { useStates } from '../lib/reference.js';
import { hrefFor, Link, navigate } from '../lib/router.js';
import { endOfDay, latestByKey, today, validAt, type Fact } from '../lib/facts.js';
import { useMarkings } from '../lib/markings.js';
import { factPath } from '../lib/home-data.js';
import { EnlargementMap, roundColour, type MapCountry } from '../components/enlargement-map.js';
import { historicalNameKey } from '../components/map-history.js';
import { SortableTable } from '../components/table.js';
import { Chip, DateText, ErrorBox, PageHeader } from '../components/ui.js';

const FIRST_YEAR = 1949;
/**
 * The European Union exists from the Maastricht Treaty's entry into force, 1 November 1993
 * (https://eur-lex.europa.eu/EN/legal-content/summary/treaty-of-maastricht-on-european-union.html);
 * the record treats membership of the Communities before it as the same membership.
 */
const EU_FROM = '1993-11-01';

type Membership = Fact<{ state: string; via: string; protocol?: string }>;
type Partnership = Fact<{ framework: string; partner: string }>;
type Candidacy = Fact<{ state: string }>;
type EuMembership = Fact<{ state: string }>;
type Operation = Fact<{ operation: string; launchedAt?: string; endedAt?: string; status?: string }>;

export function dateForYear(year: number): string {
  const now = today();
  return year >= Number(now.slice(0, 4)) ? now : `${year}-12-31`;
}

export default function HomePage({ location }: PageProps) {
  const { t, lang, num, date: longDate } = useI18n();
  const states = useStates();
  const memberships = useApi<Membership[]>(factPath(location.world, 'membership'), location.world);
  const partnerships = useApi<Partnership[]>(factPath(location.world, 'partnership'), location.world);
  const suspensions = useApi<Partnership[]>(factPath(location.world, 'partnership-suspension'), location.world);
  const applications = useApi<Candidacy[]>(factPath(location.world, 'application'), location.world);
  const invitations = useApi<Candidacy[]>(factPath(location.world, 'invitation'), location.world);
  const aspirants = useApi<Candidacy[]>(factPath(location.world, 'aspirant'), location.world);
  const eu = useApi<EuMembership[]>(factPath(location.world, 'eu-membership'), location.world);
  const operations = useApi<Operation[]>(factPath(location.world, 'operation'), location.world);
  useMarkings(memberships.data);
  useMarkings(partnerships.data);
  useMarkings(applications.data);
  useMarkings(invitations.data);
  useMarkings(aspirants.data);
  useMarkings(eu.data);
  useMarkings(operations.data);

  const lastYear = Number(today().slice(0, 4));
  const at = /^\d{4}-\d{2}-\d{2}$/.test(location.query.get('at') ?? '') ? location.query.get('at')! : today();
  const year = Number(at.slice(0, 4));
  const [playing, setPlaying] = useState(false);
  const [showTable, setShowTable] = useState(false);

  const setDate = (d: string) => navigate(hrefFor(lang, '', location.world, { at: d === today() ? undefined : d }), { replace: true });

  // The timeline plays one year a step; it stops at today (WCAG 2.2.2: the button pauses it).
  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      const current = Number((new URL(window.location.href).searchParams.get('at') ?? today()).slice(0, 4));
      const next = current + 1;
      if (next >= lastYear) setPlaying(false);
      navigate(hrefFor(lang, '', location.world, { at: next >= lastYear ? undefined : dateForYear(next) }), { replace: true });
    }, 900);
    return () => window.clearInterval(timer);
  }, [playing, location.world, lang, lastYear]);

  const togglePlay = () => {
    if (!playing && year >= lastYear) setDate(dateForYear(FIRST_YEAR));
    setPlaying((p) => !p);
  };

  const view = useMemo(() => {
    if (!memberships.data || !states) return undefined;
    const instant = endOfDay(at);
    const firstJoined = new Map<string, string>();
    for (const m of memberships.data) {
      const prev = firstJoined.get(m.data.state);
      if (!prev || m.validFrom < prev) firstJoined.set(m.data.state, m.validFrom);
    }
    const rounds = [...new Set([...firstJoined.values()].map((v) => Number(v.slice(0, 4))))].sort((a, b) => a - b);
    const allies = new Map<string, Membership>();
    for (const m of memberships.data) if (validAt(m, instant)) allies.set(m.data.state, m);
    // A partner whose cooperation is suspended at the date is not shown as a partner.
    const suspended = new Set((suspensions.data ?? []).filter((x) => validAt(x, instant)).map((x) => `${x.data.framework}/${x.data.partner}`));
    const partners = new Map<string, string[]>();
    for (const p of partnerships.data ?? []) {
      if (validAt(p, instant) && !allies.has(p.data.partner) && !suspended.has(`${p.data.framework}/${p.data.partner}`)) partners.set(p.data.partner, [...(partners.get(p.data.partner) ?? []), p.data.framework]);
    }
    const candidates = new Set<string>();
    for (const c of [...(applications.data ?? []), ...(invitations.data ?? []), ...(aspirants.data ?? [])]) {
      const joinedBefore = (firstJoined.get(c.data.state) ?? '9999') <= instant;
      if (c.validFrom <= instant && !allies.has(c.data.state) && !joinedBefore && (c.validTo === undefined || instant < c.validTo)) candidates.add(c.data.state);
    }
    const countries: MapCountry[] = [];
    const push = (iso3: string, status: MapCountry['status']) => {
      const info = states.get(iso3);
      const historical = info && historicalNameKey(info.numeric, at);
      if (info) countries.push({ numeric: info.numeric, iso3, name: historical ? t(historical) : info.name[lang], status });
    };
    for (const [iso3, m] of allies) push(iso3, { kind: 'ally', round: Number((firstJoined.get(iso3) ?? m.validFrom).slice(0, 4)) });
    for (const iso3 of partners.keys()) push(iso3, { kind: 'partner' });
    for (const iso3 of candidates) if (!partners.has(iso3)) push(iso3, { kind: 'candidate' });
    for (const iso3 of candidates) if (partners.has(iso3)) {
      const i = countries.findIndex((c) => c.iso3 === iso3);
      if (i >= 0) countries[i] = { ...countries[i]!, status: { kind: 'candidate' } };
    }
    const joinedThisYear = [...firstJoined].filter(([, v]) => Number(v.slice(0, 4)) === year && v <= instant).map(([k]) => k);
    const euNow = new Set((eu.data ?? []).filter((e) => validAt(e, instant)).map((e) => e.data.state));
    // Before the first recorded membership the Communities did not exist: say so, not "0 of 0".
    const euFrom = (eu.data ?? []).map((e) => e.validFrom).sort()[0];
    const shared = [...euNow].filter((s) => allies.has(s)).length;
    const ops = latestByKey(operations.data ?? []).filter((o) => o.data.launchedAt && o.data.launchedAt <= at && (!o.data.endedAt || o.data.endedAt > at));
    return {
      rounds, countries, allies, partners, candidates, joinedThisYear, shared, euCount: euNow.size,
      euNotYet: euFrom !== undefined && instant < euFrom ? euFrom.slice(0, 10) : undefined,
      activeOps: ops.length,
      hasEu: (eu.data ?? []).length > 0,
      hasOps: (operations.data ?? []).length > 0,
      hasPartners: (partnerships.data ?? []).length > 0,
    };
  }, [memberships.data, partnerships.data, suspensions.data, applications.data, invitations.data, aspirants.data, eu.data, operations.data, states, at, lang, year, t]);

  const known = useMemo(() => new Map([...(states?.values() ?? [])].map((s) => [s.numeric, { iso3: s.iso3, name: s.name[lang] }])), [states, lang]);
  const dateLabel = longDate(at);
  const statusLabel = (c: MapCountry) => c.status.kind === 'ally' ? t('home.status_ally') : c.status.kind === 'partner' ? t('home.status_partner') : t('home.status_candidate');

  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      {memberships.error && <ErrorBox error={memberships.error} retry={memberships.reload} />}

      <div className="timeline" role="group" aria-labelledby="timeline-label">
        <span id="timeline-label" className="visually-hidden">{t('home.year')}</span>
        <button type="button" className="button button--secondary timeline__play" aria-pressed={playing} onClick={togglePlay}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t('home.pause') : t('home.play')}
        </button>
        <div className="timeline__slider">
          <label htmlFor="year-slider" className="timeline__label">{t('home.year')} <strong className="timeline__year">{year}</strong></label>
          <input id="year-slider" type="range" min={FIRST_YEAR} max={lastYear} step={1} value={year}
            aria-valuetext={dateLabel}
            onChange={(e) => { setPlaying(false); setDate(dateForYear(Number(e.target.value))); }} />
          <div className="timeline__ticks" aria-hidden="true"><span>{FIRST_YEAR}</span><span>{Math.round((FIRST_YEAR + lastYear) / 2)}</span><span>{lastYear}</span></div>
        </div>
        <div className="timeline__date">
          <label htmlFor="exact-date">{t('home.date')}</label>
          <input id="exact-date" type="date" min="1949-04-04" max={today()} value={at}
            onChange={(e) => { if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) { setPlaying(false); setDate(e.target.value); } }} />
        </div>
      </div>

      <div className="home-grid">
        <div className="home-grid__map">
          <EnlargementMap
            countries={view?.countries ?? []}
            known={known}
            rounds={view?.rounds ?? []}
            at={at}
            title={t('home.map_title', { date: dateLabel })}
            description={t('home.map_desc', { allies: view?.allies.size ?? 0, partners: view?.partners.size ?? 0, candidates: view?.candidates.size ?? 0 })}
          />
        </div>
        <aside className="home-grid__figures" aria-labelledby="figures-heading">
          <h2 id="figures-heading" className="figures__title">{t('home.figures', { date: dateLabel })}</h2>
          <dl className="figures" aria-live="polite" data-testid="key-figures">
            <div className="figure figure--primary">
              <dt className="figure__label">{t('home.fig_allies')}</dt>
              <dd className="figure__value" data-testid="fig-allies">{view ? num(view.allies.size) : '…'}</dd>
              {view && view.joinedThisYear.length > 0 && <dd className="figure__note">{t('home.fig_new', { count: view.joinedThisYear.length })}</dd>}
            </div>
            <div className="figure">
              <dt className="figure__label">{t(at < EU_FROM ? 'home.fig_ec' : 'home.fig_eu')}</dt>
              <dd className="figure__value" data-testid="fig-eu">{view ? (view.euNotYet ? <span className="figure__none">{t('home.fig_eu_before', { date: longDate(view.euNotYet) })}</span> : view.hasEu ? num(view.shared) : <span className="figure__none">{t('home.fig_no_data')}</span>) : '…'}</dd>
              {view?.hasEu && !view.euNotYet && <dd className="figure__note">{t(at < EU_FROM ? 'home.fig_ec_of' : 'home.fig_eu_of', { count: view.euCount })}</dd>}
            </div>
            <div className="figure">
              <dt className="figure__label">{t('home.fig_ops')}</dt>
              <dd className="figure__value" data-testid="fig-ops">{view ? (view.hasOps ? num(view.activeOps) : <span className="figure__none">{t('home.fig_no_data')}</span>) : '…'}</dd>
            </div>
            <div className="figure">
              <dt className="figure__label">{t('home.fig_partners')}</dt>
              <dd className="figure__value">{view ? (view.hasPartners ? num(view.partners.size) : <span className="figure__none">{t('home.fig_no_data')}</span>) : '…'}</dd>
            </div>
          </dl>
          <div className="this-year">
            <h3>{t('home.this_year', { year })}</h3>
            <p>{view ? (view.joinedThisYear.length ? t('home.joined', { names: view.joinedThisYear }) : t('home.nothing_this_year')) : '…'}</p>
          </div>
        </aside>
      </div>

      <div className="table-toggle">
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls="map-table" onClick={() => setShowTable((s) => !s)}>
          {showTable ? t('app.hide_table') : t('app.view_table')}
        </button>
      </div>
      <div id="map-table" hidden={!showTable}>
        {showTable && view && (
          <SortableTable
            caption={t('home.map_title', { date: dateLabel })}
            rows={view.countries}
            rowKey={(c) => c.iso3}
            initialSort="status"
            columns={[
              { key: 'name', header: t('home.country'), rowHeader: true, sort: (c) => c.name, render: (c) => <Link href={hrefFor(lang, `allies/${c.iso3}`, location.world)}>{c.name}</Link> },
              { key: 'status', header: t('home.status'), sort: (c) => `${c.status.kind === 'ally' ? 0 : c.status.kind === 'candidate' ? 1 : 2}${c.status.kind === 'ally' ? c.status.round : ''}${c.name}`, render: (c) => c.status.kind === 'ally'
                ? <span data-year={c.status.round}><span className="swatch" style={{ background: roundColour(Math.max(0, view.rounds.indexOf(c.status.round)), view.rounds.length) }} aria-hidden="true" /> {t('home.legend_round', { year: c.status.round })}</span>
                : <Chip tone={c.status.kind === 'candidate' ? 'warning' : 'success'}>{statusLabel(c)}</Chip> },
              { key: 'since', header: t('home.since'), sort: (c) => view.allies.get(c.iso3)?.validFrom, render: (c) => <DateText iso={view.allies.get(c.iso3)?.validFrom} /> },
              { key: 'details', header: t('home.details'), render: (c) => c.status.kind === 'partner' ? (view.partners.get(c.iso3) ?? []).join(', ') : c.status.kind === 'ally' ? (view.allies.get(c.iso3)?.data.protocol ?? t('allies.via_founding')) : '' },
            ]}
          />
        )}
      </div>

      <section className="section" aria-labelledby="explore-heading">
        <h2 id="explore-heading">{t('home.explore')}</h2>
        <ul className="cards">
          <li className="card"><Link href={hrefFor(lang, 'allies', location.world)}><strong>{t('nav.allies')}</strong><span>{t('home.card_allies')}</span></Link></li>
          <li className="card"><Link href={hrefFor(lang, 'accessions', location.world)}><strong>{t('nav.accessions')}</strong><span>{t('home.card_accessions')}</span></Link></li>
          <li className="card"><Link href={hrefFor(lang, 'council', location.world)}><strong>{t('nav.council')}</strong><span>{t('home.card_council')}</span></Link></li>
          <li className="card"><Link href={hrefFor(lang, 'ledger', location.world)}><strong>{t('nav.ledger')}</strong><span>{t('home.card_ledger')}</span></Link></li>
        </ul>
      </section>
    </>
  );
}
